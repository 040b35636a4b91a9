package dev.parapet.transformations;

/**
 * {@code t:escapeSeqDecode}: decodes ANSI C escapes: {@code \\a \\b \\f \\n \\r \\t \\v \\\\ \\? \\' \\"},
 * {@code \\xHH} (also {@code \\XHH}) and octal {@code \\O}..{@code \\OOO} (low byte kept). Any other
 * {@code \\C}, including an invalid {@code \\x}, becomes {@code C}; a trailing backslash is kept.
 */
public final class EscapeSeqDecode implements Transformation {

    @Override
    public String name() {
        return "escapeSeqDecode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = input.indexOf('\\');
        if (first < 0 || first == len - 1) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        int i = first;
        while (i < len) {
            char c = input.charAt(i);
            if (c != '\\' || i + 1 >= len) {
                out[o++] = c;
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            switch (next) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '?', '\'', '"' -> {
                    out[o++] = JsDecode.simpleEscape(next);
                    i += 2;
                }
                case 'x', 'X' -> {
                    if (i + 3 < len && ByteChars.isHex(input.charAt(i + 2)) && ByteChars.isHex(input.charAt(i + 3))) {
                        out[o++] = ByteChars.x2c(input.charAt(i + 2), input.charAt(i + 3));
                        i += 4;
                    } else {
                        out[o++] = next;
                        i += 2;
                    }
                }
                default -> {
                    if (ByteChars.isOctal(next)) {
                        int digits = 1;
                        while (digits < 3 && i + 1 + digits < len && ByteChars.isOctal(input.charAt(i + 1 + digits))) {
                            digits++;
                        }
                        int value = 0;
                        for (int k = 0; k < digits; k++) {
                            value = value * 8 + (input.charAt(i + 1 + k) - '0');
                        }
                        out[o++] = (char) (value & 0xFF);
                        i += 1 + digits;
                    } else {
                        out[o++] = next;
                        i += 2;
                    }
                }
            }
        }
        return new String(out, 0, o);
    }
}
