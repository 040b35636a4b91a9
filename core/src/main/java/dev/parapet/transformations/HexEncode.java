package dev.parapet.transformations;

/** {@code t:hexEncode}: each byte becomes two lowercase hex digits. */
public final class HexEncode implements Transformation {

    @Override
    public String name() {
        return "hexEncode";
    }

    @Override
    public String apply(String input) {
        if (input.isEmpty()) {
            return input;
        }
        char[] out = new char[input.length() * 2];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            out[2 * i] = ByteChars.hexLower(c >> 4);
            out[2 * i + 1] = ByteChars.hexLower(c);
        }
        return new String(out);
    }
}
