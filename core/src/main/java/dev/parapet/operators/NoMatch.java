package dev.parapet.operators;

/** {@code @noMatch}: never matches. */
public final class NoMatch implements Operator {

    private static final NoMatch INSTANCE = new NoMatch();

    private NoMatch() {
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return INSTANCE;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        return false;
    }
}
