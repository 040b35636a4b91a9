package dev.parapet.transformations;

/** Base64 tables shared by the Base64 transformations. */
final class Base64Alphabet {

    private static final char[] ENCODE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private Base64Alphabet() {
    }

    /** Value of a standard-alphabet character, or -1. */
    static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '+') {
            return 62;
        } else if (c == '/') {
            return 63;
        }
        return -1;
    }

    /** Decodes the first {@code count} characters of {@code s}, all of which are in the alphabet. */
    static String decode(CharSequence s, int count) {
        char[] out = new char[count / 4 * 3 + 2];
        int o = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            bits = (bits << 6) | value(s.charAt(i));
            if (++n == 4) {
                out[o++] = (char) ((bits >> 16) & 0xFF);
                out[o++] = (char) ((bits >> 8) & 0xFF);
                out[o++] = (char) (bits & 0xFF);
                bits = 0;
                n = 0;
            }
        }
        if (n == 2) {
            out[o++] = (char) ((bits >> 4) & 0xFF);
        } else if (n == 3) {
            out[o++] = (char) ((bits >> 10) & 0xFF);
            out[o++] = (char) ((bits >> 2) & 0xFF);
        }
        return new String(out, 0, o);
    }

    static String encode(String s) {
        int len = s.length();
        StringBuilder out = new StringBuilder((len + 2) / 3 * 4);
        int i = 0;
        for (; i + 2 < len; i += 3) {
            int bits = (s.charAt(i) & 0xFF) << 16 | (s.charAt(i + 1) & 0xFF) << 8 | (s.charAt(i + 2) & 0xFF);
            out.append(ENCODE[bits >> 18]).append(ENCODE[(bits >> 12) & 63])
                    .append(ENCODE[(bits >> 6) & 63]).append(ENCODE[bits & 63]);
        }
        if (len - i == 1) {
            int bits = (s.charAt(i) & 0xFF) << 16;
            out.append(ENCODE[bits >> 18]).append(ENCODE[(bits >> 12) & 63]).append("==");
        } else if (len - i == 2) {
            int bits = (s.charAt(i) & 0xFF) << 16 | (s.charAt(i + 1) & 0xFF) << 8;
            out.append(ENCODE[bits >> 18]).append(ENCODE[(bits >> 12) & 63])
                    .append(ENCODE[(bits >> 6) & 63]).append('=');
        }
        return out.toString();
    }
}
