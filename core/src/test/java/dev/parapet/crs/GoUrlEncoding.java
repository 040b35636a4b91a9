package dev.parapet.crs;

/**
 * The two pieces of Go's {@code net/url} that go-ftw applies to form bodies: {@code QueryEscape} and a check whether
 * {@code QueryUnescape} would change (or reject) a string. Works on byte strings.
 */
final class GoUrlEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private GoUrlEncoding() {}

    /** Go {@code url.QueryEscape}: keeps [A-Za-z0-9-_.~], space becomes '+', everything else %XX (upper case). */
    static String queryEscape(String bytes) {
        StringBuilder out = new StringBuilder(bytes.length() + 16);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * True when Go's {@code url.QueryUnescape} would return the input unchanged without error, i.e. the data holds
     * no '+' and no '%' (a valid escape changes the text, an invalid one is an error).
     */
    static boolean unescapeIsIdentity(String bytes) {
        return bytes.indexOf('+') < 0 && bytes.indexOf('%') < 0;
    }

    /**
     * go-ftw's {@code encodeDataParameters}: when the data looks unescaped, escape each key and value of the
     * '&'-separated pairs (tokens without '=' are escaped whole); otherwise return it unchanged.
     */
    static String encodeFormData(String data) {
        if (data.isEmpty() || !unescapeIsIdentity(data)) {
            return data;
        }
        StringBuilder escaped = new StringBuilder(data.length() + 16);
        int start = 0;
        while (start < data.length()) {
            int amp = data.indexOf('&', start);
            int end = amp < 0 ? data.length() : amp;
            String token = data.substring(start, end);
            int eq = token.indexOf('=');
            if (eq < 0) {
                escaped.append(queryEscape(token));
            } else {
                escaped.append(queryEscape(token.substring(0, eq))).append('=')
                        .append(queryEscape(token.substring(eq + 1)));
            }
            escaped.append('&');
            start = amp < 0 ? data.length() : amp + 1;
        }
        // go-ftw strips the single trailing '&' it appended after the last token.
        return escaped.substring(0, escaped.length() - 1);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
