package dev.parapet.transformations;

/**
 * {@code t:urlDecodeUni}: like {@link UrlDecode} but also decodes IIS-style {@code %uHHHH}. A {@code %u}
 * escape becomes one byte: the low byte of the code point, except that full-width ASCII (U+FF01-U+FF5E)
 * maps to 0x21-0x7E. Invalid or truncated escapes are kept as-is; {@code +} becomes a space.
 *
 * <p>ModSecurity's optional {@code SecUnicodeMapFile} code-page table is not supported; without it
 * ModSecurity behaves as here.
 */
public final class UrlDecodeUni implements Transformation {

    @Override
    public String name() {
        return "urlDecodeUni";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len) {
            char c = input.charAt(first);
            if (c == '+' || (c == '%' && decodable(input, first))) {
                break;
            }
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
            char c = input.charAt(i);
            if (c == '%') {
                if (i + 1 < len && (input.charAt(i + 1) | 0x20) == 'u') {
                    if (i + 5 < len && ByteChars.isHex(input.charAt(i + 2)) && ByteChars.isHex(input.charAt(i + 3))
                            && ByteChars.isHex(input.charAt(i + 4)) && ByteChars.isHex(input.charAt(i + 5))) {
                        out[o++] = unicodeToByte(input, i + 2);
                        i += 6;
                    } else {
                        // ModSecurity copies "%u" and continues after it.
                        out[o++] = c;
                        out[o++] = input.charAt(i + 1);
                        i += 2;
                    }
                } else if (i + 2 < len && ByteChars.isHex(input.charAt(i + 1)) && ByteChars.isHex(input.charAt(i + 2))) {
                    out[o++] = ByteChars.x2c(input.charAt(i + 1), input.charAt(i + 2));
                    i += 3;
                } else {
                    out[o++] = c;
                    i++;
                }
            } else {
                out[o++] = c == '+' ? ' ' : c;
                i++;
            }
        }
        return new String(out, 0, o);
    }

    /** True when the '%' at {@code i} starts an escape that changes the value. */
    private static boolean decodable(String s, int i) {
        int len = s.length();
        if (i + 1 < len && (s.charAt(i + 1) | 0x20) == 'u') {
            return i + 5 < len && ByteChars.isHex(s.charAt(i + 2)) && ByteChars.isHex(s.charAt(i + 3))
                    && ByteChars.isHex(s.charAt(i + 4)) && ByteChars.isHex(s.charAt(i + 5));
        }
        return i + 2 < len && ByteChars.isHex(s.charAt(i + 1)) && ByteChars.isHex(s.charAt(i + 2));
    }

    /** Maps the four hex digits at {@code at} to one byte as ModSecurity does. */
    static char unicodeToByte(String s, int at) {
        char low = ByteChars.x2c(s.charAt(at + 2), s.charAt(at + 3));
        if (low > 0x00 && low < 0x5F && (s.charAt(at) | 0x20) == 'f' && (s.charAt(at + 1) | 0x20) == 'f') {
            return (char) (low + 0x20);
        }
        return low;
    }
}
