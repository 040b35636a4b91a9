package dev.parapet.operators;

/** {@code @beginsWith}: the input starts with the (expanded) argument; an empty argument always matches. */
public final class BeginsWith extends StringOperator {

    private BeginsWith(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new BeginsWith(args);
    }

    @Override
    boolean test(String input, String argument) {
        return input.startsWith(argument);
    }
}
