package dev.parapet.transformations;

/** {@code t:trim}: removes leading and trailing C whitespace (space, \t, \n, \v, \f, \r). */
public final class Trim implements Transformation {

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public String apply(String input) {
        return TrimRight.trimRight(TrimLeft.trimLeft(input));
    }
}
