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
        if (input.length() > argument.length()) {
            return false;
        }
        // The argument is the rule's (a short list such as tx.allowed_methods), so String.indexOf's
        // worst case stays small; only a long argument needs the linear-time search.
        return argument.length() <= 4096 ? argument.indexOf(input) >= 0 : TextSearch.indexOf(argument, input) >= 0;
    }
}
