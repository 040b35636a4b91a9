package dev.parapet.transformations;

/**
 * {@code t:htmlEntityDecode}: decodes {@code &#DDD;}, {@code &#xHH;} and the named entities
 * {@code &quot; &amp; &lt; &gt; &nbsp;} (ModSecurity's small set, case-insensitive). The trailing
 * {@code ;} is optional. A numeric value above 0xFF keeps its low byte (values beyond a 64-bit long
 * saturate, as C {@code strtol} does, giving 0xFF). Anything else is copied unchanged.
 */
public final class HtmlEntityDecode implements Transformation {

    private static final char NBSP = 0xA0;

    @Override
    public String name() {
        return "htmlEntityDecode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int amp = input.indexOf('&');
        if (amp < 0 || amp == len - 1) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, amp, out, 0);
        int o = amp;
        int i = amp;
        while (i < len) {
            char c = input.charAt(i);
            if (c != '&' || i + 1 >= len) {
                out[o++] = c;
                i++;
                continue;
            }
            int j = i + 1;
            if (input.charAt(j) == '#') {
                j++;
                if (j >= len) {
                    o = copy(input, i, j, out, o);
                    i = j;
                    continue;
                }
                boolean hex = input.charAt(j) == 'x' || input.charAt(j) == 'X';
                if (hex) {
                    j++;
                    if (j >= len) {
                        o = copy(input, i, j, out, o);
                        i = j;
                        continue;
                    }
                }
                int start = j;
                long value = 0;
                while (j < len && (hex ? ByteChars.isHex(input.charAt(j)) : ByteChars.isDigit(input.charAt(j)))) {
                    value = accumulate(value, hex ? 16 : 10,
                            hex ? ByteChars.hexValue(input.charAt(j)) : input.charAt(j) - '0');
                    j++;
                }
                if (j == start) {
                    // "&#" or "&#x" without digits: copy the prefix, continue after it.
                    o = copy(input, i, start, out, o);
                    i = start;
                    continue;
                }
                out[o++] = (char) (value & 0xFF);
                i = (j < len && input.charAt(j) == ';') ? j + 1 : j;
            } else {
                int start = j;
                while (j < len && ByteChars.isAlnum(input.charAt(j))) {
                    j++;
                }
                char decoded = j > start ? named(input, start, j) : 0;
                if (decoded == 0) {
                    // Unknown or empty name: copy "&name" and continue after it.
                    o = copy(input, i, j == start ? i + 1 : j, out, o);
                    i = j == start ? i + 1 : j;
                    continue;
                }
                out[o++] = decoded;
                i = (j < len && input.charAt(j) == ';') ? j + 1 : j;
            }
        }
        return ByteChars.sameIfEqual(input, new String(out, 0, o));
    }

    private static int copy(String s, int from, int to, char[] out, int o) {
        s.getChars(from, to, out, o);
        return o + (to - from);
    }

    /** Accumulates like strtol: saturates at Long.MAX_VALUE instead of overflowing. */
    private static long accumulate(long value, int base, int digit) {
        if (value > (Long.MAX_VALUE - digit) / base) {
            return Long.MAX_VALUE;
        }
        return value * base + digit;
    }

    private static char named(String s, int from, int to) {
        int n = to - from;
        if (n == 4 && s.regionMatches(true, from, "quot", 0, 4)) {
            return '"';
        } else if (n == 3 && s.regionMatches(true, from, "amp", 0, 3)) {
            return '&';
        } else if (n == 2 && s.regionMatches(true, from, "lt", 0, 2)) {
            return '<';
        } else if (n == 2 && s.regionMatches(true, from, "gt", 0, 2)) {
            return '>';
        } else if (n == 4 && s.regionMatches(true, from, "nbsp", 0, 4)) {
            return NBSP;
        }
        return 0;
    }
}
