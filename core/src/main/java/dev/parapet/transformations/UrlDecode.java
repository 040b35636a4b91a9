package dev.parapet.transformations;

/**
 * {@code t:urlDecode}: decodes {@code %HH} escapes and {@code +} (to space). Invalid or truncated
 * escapes are kept as they are (ModSecurity's non-strict decoder).
 */
public final class UrlDecode implements Transformation {

    @Override
    public String name() {
        return "urlDecode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len) {
            char c = input.charAt(first);
            if (c == '+' || (c == '%' && validEscape(input, first))) {
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
            if (c == '%' && validEscape(input, i)) {
                out[o++] = ByteChars.x2c(input.charAt(i + 1), input.charAt(i + 2));
                i += 3;
            } else {
                out[o++] = c == '+' ? ' ' : c;
                i++;
            }
        }
        return new String(out, 0, o);
    }

    private static boolean validEscape(String s, int i) {
        return i + 2 < s.length() && ByteChars.isHex(s.charAt(i + 1)) && ByteChars.isHex(s.charAt(i + 2));
    }
}
