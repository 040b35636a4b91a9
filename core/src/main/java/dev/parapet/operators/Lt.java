package dev.parapet.operators;

/** {@code @lt}: the input, read as an integer, is less than the (expanded) argument. */
public final class Lt extends NumericComparison {

    private Lt(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Lt(args);
    }

    @Override
    boolean compare(long left, long right) {
        return left < right;
    }
}
