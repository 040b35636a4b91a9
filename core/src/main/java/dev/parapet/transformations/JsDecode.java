package dev.parapet.transformations;

/**
 * {@code t:jsDecode}: decodes JavaScript escapes: {@code \\uHHHH} (low byte; full-width ASCII
 * U+FF01-U+FF5E maps to 0x21-0x7E), {@code \\xHH}, octal {@code \\OOO} (at most one byte), the C
 * escapes {@code \\a \\b \\f \\n \\r \\t \\v}, and any other {@code \\C} to {@code C}. A lone
 * trailing backslash is kept.
 */
public final class JsDecode implements Transformation {

    @Override
    public String name() {
        return "jsDecode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = input.indexOf('\\');
        // A single backslash at the very end is the only backslash that is kept.
        if (first < 0 || first == len - 1) {
            return input;
        }
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
            if (i + 5 < len && input.charAt(i + 1) == 'u' && ByteChars.isHex(input.charAt(i + 2))
                    && ByteChars.isHex(input.charAt(i + 3)) && ByteChars.isHex(input.charAt(i + 4))
                    && ByteChars.isHex(input.charAt(i + 5))) {
                out[o++] = UrlDecodeUni.unicodeToByte(input, i + 2);
                i += 6;
            } else if (i + 3 < len && input.charAt(i + 1) == 'x' && ByteChars.isHex(input.charAt(i + 2))
                    && ByteChars.isHex(input.charAt(i + 3))) {
                out[o++] = ByteChars.x2c(input.charAt(i + 2), input.charAt(i + 3));
                i += 4;
            } else if (i + 1 < len && ByteChars.isOctal(input.charAt(i + 1))) {
                int digits = 1;
                while (digits < 3 && i + 1 + digits < len && ByteChars.isOctal(input.charAt(i + 1 + digits))) {
                    digits++;
                }
                // Three digits starting above '3' would exceed one byte: use two.
                if (digits == 3 && input.charAt(i + 1) > '3') {
                    digits = 2;
                }
                int value = 0;
                for (int k = 0; k < digits; k++) {
                    value = value * 8 + (input.charAt(i + 1 + k) - '0');
                }
                out[o++] = (char) value;
                i += 1 + digits;
            } else if (i + 1 < len) {
                out[o++] = simpleEscape(input.charAt(i + 1));
                i += 2;
            } else {
                out[o++] = c;
                i++;
            }
        }
        return new String(out, 0, o);
    }

    /** The C escapes; any other character stands for itself. */
    static char simpleEscape(char c) {
        return switch (c) {
            case 'a' -> 0x07;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0B;
            default -> c;
        };
    }
}
