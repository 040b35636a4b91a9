package dev.parapet.operators;

import dev.parapet.operators.internal.TextSearch;

/**
 * {@code @within}: the input occurs inside the (expanded) argument — e.g. a method inside
 * {@code %{tx.allowed_methods}}. An empty input always matches (ModSecurity v2 and v3 agree).
 */
public final class Within extends StringOperator {

    private Within(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Within(args);
    }

    @Override
    boolean test(String input, String argument) {
        if (input.isEmpty()) {
            return true;
        }
        return input.length() <= argument.length() && TextSearch.indexOf(argument, input) >= 0;
    }
}
