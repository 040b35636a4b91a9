package dev.parapet.operators;

import dev.parapet.seclang.SecLangException;

/**
 * {@code @validateByteRange}: matches when the input holds a byte outside the allowed set, written as
 * comma-separated values and ranges ({@code 9,10,13,32-126}). Empty input never matches.
 *
 * <p>Stricter than ModSecurity at load time: where v2 reads each token with {@code atoi} (so {@code xxx}
 * silently means byte 0 and an empty argument allows nothing), non-numeric tokens, values above 255,
 * reversed ranges and an empty list are rejected. Repeated values are simply allowed (v2 toggles bits).
 */
public final class ValidateByteRange implements Operator {

    private final boolean[] allowed;

    private ValidateByteRange(boolean[] allowed) {
        this.allowed = allowed;
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        boolean[] allowed = new boolean[256];
        boolean any = false;
        for (String token : args.argument().split(",", -1)) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            int dash = t.indexOf('-');
            int start = parseByte(dash < 0 ? t : t.substring(0, dash).strip(), t);
            int end = dash < 0 ? start : parseByte(t.substring(dash + 1).strip(), t);
            if (start > end) {
                throw new SecLangException("invalid byte range \"" + t + "\"");
            }
            for (int b = start; b <= end; b++) {
                allowed[b] = true;
            }
            any = true;
        }
        if (!any) {
            throw new SecLangException("missing byte ranges for operator 'validateByteRange'");
        }
        return new ValidateByteRange(allowed);
    }

    private static int parseByte(String text, String token) {
        if (text.isEmpty() || text.length() > 3) {
            throw new SecLangException("invalid byte range \"" + token + "\"");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SecLangException("invalid byte range \"" + token + "\"");
            }
            value = value * 10 + (c - '0');
        }
        if (value > 255) {
            throw new SecLangException("byte value out of range in \"" + token + "\"");
        }
        return value;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c > 0xFF || !allowed[c]) {
                return true;
            }
        }
        return false;
    }
}
