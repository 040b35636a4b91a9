package dev.parapet.operators;

/** {@code @endsWith}: the input ends with the (expanded) argument; an empty argument always matches. */
public final class EndsWith extends StringOperator {

    private EndsWith(OperatorArgs args) {
        super(args);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new EndsWith(args);
    }

    @Override
    boolean test(String input, String argument) {
        return input.endsWith(argument);
    }
}
