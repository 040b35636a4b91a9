package dev.parapet.transformations;

/**
 * {@code t:utf8toUnicode}: replaces each UTF-8 multibyte sequence with {@code %uHHHH} text (lowercase
 * hex, at least four digits), the form {@link UrlDecodeUni} understands. Follows ModSecurity:
 * <ul>
 *   <li>bytes below 0x80 and bytes that cannot start a sequence (0x80-0xBF, 0xF8-0xFF) are copied;</li>
 *   <li>a lead byte whose continuation bytes are missing or invalid is dropped;</li>
 *   <li>overlong forms and surrogates are encoded and then followed by the raw lead byte;</li>
 *   <li>a four-byte lead of 0xF5 or above is copied raw before the sequence's encoding.</li>
 * </ul>
 * Deviation: ModSecurity v3 also drops embedded NUL bytes (a quirk of its C-string handling); they are
 * kept here.
 */
public final class Utf8ToUnicode implements Transformation {

    @Override
    public String name() {
        return "utf8toUnicode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && (input.charAt(first) < 0xC0 || input.charAt(first) >= 0xF8)) {
            first++;
        }
        if (first == len) {
            return input;
        }
        StringBuilder out = new StringBuilder(len + 16);
        out.append(input, 0, first);
        int i = first;
        while (i < len) {
            char c = input.charAt(i);
            int seqLen;
            int codePoint;
            if (c < 0xC0 || c >= 0xF8) {
                out.append(c);
                i++;
                continue;
            } else if (c < 0xE0) {
                seqLen = 2;
                codePoint = c & 0x1F;
            } else if (c < 0xF0) {
                seqLen = 3;
                codePoint = c & 0x0F;
            } else {
                seqLen = 4;
                codePoint = c & 0x07;
                if (c >= 0xF5) {
                    out.append(c); // outside the UTF-8 range: ModSecurity emits the raw byte first
                }
            }
            boolean valid = i + seqLen <= len;
            for (int k = 1; valid && k < seqLen; k++) {
                char cont = input.charAt(i + k);
                if ((cont & 0xC0) != 0x80) {
                    valid = false;
                } else {
                    codePoint = (codePoint << 6) | (cont & 0x3F);
                }
            }
            if (!valid) {
                i++; // ModSecurity drops the lead byte and resynchronises on the next one
                continue;
            }
            appendPercentU(out, codePoint);
            boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
            boolean overlong = (seqLen == 2 && codePoint < 0x80) || (seqLen == 3 && codePoint < 0x800)
                    || (seqLen == 4 && codePoint < 0x10000);
            if (surrogate) {
                out.append(c);
            }
            if (overlong) {
                out.append(c);
            }
            i += seqLen;
        }
        // A lone lead byte >= 0xF5 is written raw and then dropped, which can rebuild the input exactly.
        return input.contentEquals(out) ? input : out.toString();
    }

    private static void appendPercentU(StringBuilder out, int codePoint) {
        out.append('%').append('u');
        String hex = Integer.toHexString(codePoint);
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
