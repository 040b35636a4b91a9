package dev.parapet.transformations;

/**
 * {@code t:cssDecode}: decodes CSS 2 escapes. A backslash followed by 1-6 hex digits becomes one byte
 * (the last two digits; full-width ASCII U+FF01-U+FF5E maps to 0x21-0x7E) and one following whitespace
 * is swallowed; backslash-newline is removed; a backslash before any other character is removed; a
 * trailing backslash is removed.
 */
public final class CssDecode implements Transformation {

    @Override
    public String name() {
        return "cssDecode";
    }

    @Override
    public String apply(String input) {
        int first = input.indexOf('\\');
        if (first < 0) {
            return input;
        }
        int len = input.length();
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        int i = first;
        while (i < len) {
            char c = input.charAt(i);
            if (c != '\\') {
                out[o++] = c;
                i++;
                continue;
            }
            if (i + 1 >= len) {
                i++; // trailing backslash: continuation to nothing
                continue;
            }
            i++;
            int j = 0;
            while (j < 6 && i + j < len && ByteChars.isHex(input.charAt(i + j))) {
                j++;
            }
            if (j > 0) {
                char b;
                boolean fullWidthCheck;
                if (j == 1) {
                    b = (char) ByteChars.hexValue(input.charAt(i));
                    fullWidthCheck = false;
                } else {
                    b = ByteChars.x2c(input.charAt(i + j - 2), input.charAt(i + j - 1));
                    fullWidthCheck = j == 4
                            || (j == 5 && input.charAt(i) == '0')
                            || (j == 6 && input.charAt(i) == '0' && input.charAt(i + 1) == '0');
                }
                if (fullWidthCheck && b > 0x00 && b < 0x5F
                        && (input.charAt(i + j - 3) | 0x20) == 'f' && (input.charAt(i + j - 4) | 0x20) == 'f') {
                    b += 0x20;
                }
                out[o++] = b;
                // A single whitespace after a hex escape belongs to the escape.
                if (i + j < len && ByteChars.isCSpace(input.charAt(i + j))) {
                    j++;
                }
                i += j;
            } else if (input.charAt(i) == '\n') {
                i++;
            } else {
                out[o++] = input.charAt(i++);
            }
        }
        return new String(out, 0, o);
    }
}
