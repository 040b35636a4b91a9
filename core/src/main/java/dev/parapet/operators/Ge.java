package dev.parapet.operators;

/** {@code @ge}: the input, read as an integer, is greater than or equal to the (expanded) argument. */
public final class Ge extends NumericComparison {

    private Ge(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Ge(args);
    }

    @Override
    boolean compare(long left, long right) {
        return left >= right;
    }
}
