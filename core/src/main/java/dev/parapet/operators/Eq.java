package dev.parapet.operators;

/** {@code @eq}: the input, read as an integer, equals the (expanded) argument. */
public final class Eq extends NumericComparison {

    private Eq(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new Eq(args);
    }

    @Override
    boolean compare(long left, long right) {
        return left == right;
    }
}
