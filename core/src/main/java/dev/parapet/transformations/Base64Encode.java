package dev.parapet.transformations;

/** {@code t:base64Encode}: standard Base64 with {@code =} padding. */
public final class Base64Encode implements Transformation {

    @Override
    public String name() {
        return "base64Encode";
    }

    @Override
    public String apply(String input) {
        return ByteChars.sameIfEqual(input, Base64Alphabet.encode(input));
    }
}
