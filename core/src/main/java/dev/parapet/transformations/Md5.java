package dev.parapet.transformations;

/** {@code t:md5}: the raw 16-byte MD5 digest (use {@code t:hexEncode} after it for text). */
public final class Md5 implements Transformation {

    @Override
    public String name() {
        return "md5";
    }

    @Override
    public String apply(String input) {
        return Digest.of("MD5", input);
    }
}
