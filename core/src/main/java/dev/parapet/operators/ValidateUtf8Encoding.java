package dev.parapet.operators;

/**
 * {@code @validateUtf8Encoding}: matches when the input bytes are not valid UTF-8 by ModSecurity v2's
 * rules: a truncated sequence, a continuation byte where a lead byte is expected (or bytes 0xF8–0xFF),
 * a missing continuation byte, an overlong form, a surrogate (U+D800–U+DFFF) or a lead byte of 0xF5 or
 * above. Like v2, a four-byte sequence led by 0xF4 above U+10FFFF is not flagged.
 */
public final class ValidateUtf8Encoding implements Operator {

    private static final ValidateUtf8Encoding INSTANCE = new ValidateUtf8Encoding();

    private ValidateUtf8Encoding() {
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return INSTANCE;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        int i = 0;
        int n = input.length();
        while (i < n) {
            int length = validSequenceLength(input, i);
            if (length <= 0) {
                return true;
            }
            i += length;
        }
        return false;
    }

    /** Length of the valid sequence at {@code i}, or 0 when it is invalid. */
    private static int validSequenceLength(String s, int i) {
        int c = s.charAt(i);
        if (c > 0xFF) {
            return 0;
        }
        if ((c & 0x80) == 0) {
            return 1;
        }
        int length;
        int codePoint;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            if (c >= 0xF5) {
                return 0;
            }
            length = 4;
            codePoint = c & 0x07;
        } else {
            return 0;
        }
        if (i + length > s.length()) {
            return 0;
        }
        for (int k = 1; k < length; k++) {
            int next = s.charAt(i + k);
            if (next > 0xFF || (next & 0xC0) != 0x80) {
                return 0;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return 0;
        }
        int minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        return codePoint < minimum ? 0 : length;
    }
}
