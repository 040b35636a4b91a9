package dev.parapet.operators;

/** {@code @streq}: the input equals the (expanded) argument, case-sensitively. */
public final class StrEq extends StringOperator {

    private StrEq(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new StrEq(args);
    }

    @Override
    boolean test(String input, String argument) {
        return input.equals(argument);
    }
}
