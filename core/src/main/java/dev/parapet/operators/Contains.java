package dev.parapet.operators;

import dev.parapet.operators.internal.TextSearch;

/** {@code @contains}: the (expanded) argument occurs in the input; an empty argument always matches. */
public final class Contains extends StringOperator {

    private final TextSearch search; // precomputed for a constant argument

    private Contains(OperatorArgs args) {
        super(args);
        String constant = constantArgument();
        this.search = constant == null ? null : TextSearch.of(constant);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Contains(args);
    }

    @Override
    boolean test(String input, String argument) {
        TextSearch s = search != null ? search : TextSearch.of(argument);
        return s.indexIn(input, 0) >= 0;
    }
}
