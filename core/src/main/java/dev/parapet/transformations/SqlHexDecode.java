package dev.parapet.transformations;

/**
 * {@code t:sqlHexDecode}: decodes SQL hex literals: {@code 0x} (or {@code 0X}) followed by at least one
 * pair of hex digits becomes the bytes of those pairs ({@code 0x414243} is {@code ABC}); an odd final
 * digit stays, and {@code 0x} without a pair stays as it is.
 */
public final class SqlHexDecode implements Transformation {

    @Override
    public String name() {
        return "sqlHexDecode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && !literalAt(input, first)) {
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        int i = first;
        while (i < len) {
            if (literalAt(input, i)) {
                i += 2;
                while (i + 1 < len && ByteChars.isHex(input.charAt(i)) && ByteChars.isHex(input.charAt(i + 1))) {
                    out[o++] = ByteChars.x2c(input.charAt(i), input.charAt(i + 1));
                    i += 2;
                }
            } else {
                out[o++] = input.charAt(i++);
            }
        }
        return new String(out, 0, o);
    }

    private static boolean literalAt(String s, int i) {
        return i + 3 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) | 0x20) == 'x'
                && ByteChars.isHex(s.charAt(i + 2)) && ByteChars.isHex(s.charAt(i + 3));
    }
}
