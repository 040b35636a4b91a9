package dev.parapet.operators;

/** {@code @le}: the input, read as an integer, is less than or equal to the (expanded) argument. */
public final class Le extends NumericComparison {

    private Le(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Le(args);
    }

    @Override
    boolean compare(long left, long right) {
        return left <= right;
    }
}
