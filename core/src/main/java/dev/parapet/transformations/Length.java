package dev.parapet.transformations;

/** {@code t:length}: the value's length in bytes, as decimal text. */
public final class Length implements Transformation {

    @Override
    public String name() {
        return "length";
    }

    @Override
    public String apply(String input) {
        return ByteChars.sameIfEqual(input, Integer.toString(input.length()));
    }
}
