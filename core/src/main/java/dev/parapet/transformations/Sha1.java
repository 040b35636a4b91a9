package dev.parapet.transformations;

/** {@code t:sha1}: the raw 20-byte SHA-1 digest (use {@code t:hexEncode} after it for text). */
public final class Sha1 implements Transformation {

    @Override
    public String name() {
        return "sha1";
    }

    @Override
    public String apply(String input) {
        return Digest.of("SHA-1", input);
    }
}
