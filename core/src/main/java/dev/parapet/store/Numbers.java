package dev.parapet.store;

/** Number parsing as SecLang's setvar does it. */
public final class Numbers {

    private Numbers() {
    }

    /** Leading optional sign and up to 18 digits, like C's atoi; anything else counts as 0. */
    public static long parseLong(String s) {
        if (s == null) {
            return 0;
        }
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 18) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
            digits++;
        }
        return negative ? -v : v;
    }

    /** Whether the whole text is an optional sign and 1–18 digits. */
    public static boolean isInteger(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length() || s.length() - i > 18) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
