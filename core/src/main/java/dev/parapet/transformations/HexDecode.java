package dev.parapet.transformations;

/**
 * {@code t:hexDecode}: decodes consecutive pairs of hex digits into bytes. Like ModSecurity, pairs are
 * not validated (a non-hex character is still combined arithmetically) and an odd final character is
 * dropped.
 */
public final class HexDecode implements Transformation {

    @Override
    public String name() {
        return "hexDecode";
    }

    @Override
    public String apply(String input) {
        int pairs = input.length() / 2;
        char[] out = new char[pairs];
        for (int k = 0; k < pairs; k++) {
            out[k] = ByteChars.x2c(input.charAt(2 * k), input.charAt(2 * k + 1));
        }
        return ByteChars.sameIfEqual(input, new String(out));
    }
}
