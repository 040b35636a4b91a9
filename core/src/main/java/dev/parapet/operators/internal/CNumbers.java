package dev.parapet.operators.internal;

/** Number parsing with C {@code atoi} semantics, as ModSecurity's numeric operators use. */
public final class CNumbers {

    private CNumbers() {
    }

    /**
     * Parses like {@code atoi}: optional leading whitespace, optional sign, then decimal digits up to the
     * first non-digit; no digits gives 0. Unlike C (undefined behaviour on overflow) the value saturates
     * at the {@code long} range.
     */
    public static long atoi(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && PmContent.isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        boolean saturated = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int digit = text.charAt(i) - '0';
            if (!saturated) {
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    saturated = true;
                } else {
                    value = value * 10 + digit;
                }
            }
            i++;
        }
        if (saturated) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }
}
