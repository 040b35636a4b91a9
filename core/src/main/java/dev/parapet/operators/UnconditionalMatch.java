package dev.parapet.operators;

/** {@code @unconditionalMatch}: always matches. */
public final class UnconditionalMatch implements Operator {

    private static final UnconditionalMatch INSTANCE = new UnconditionalMatch();

    private UnconditionalMatch() {
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return INSTANCE;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        return true;
    }
}
