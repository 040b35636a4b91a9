package dev.parapet.operators;

/** {@code @gt}: the input, read as an integer, is greater than the (expanded) argument. */
public final class Gt extends NumericComparison {

    private Gt(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Gt(args);
    }

    @Override
    boolean compare(long left, long right) {
        return left > right;
    }
}
