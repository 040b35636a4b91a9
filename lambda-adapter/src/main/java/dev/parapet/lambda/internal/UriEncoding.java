package dev.parapet.lambda.internal;

import java.nio.charset.StandardCharsets;

/**
 * Rebuilds a request target from event fields. Gateways hand some parts over decoded (API Gateway REST
 * query parameters) and others raw (HTTP API {@code rawQueryString}, ALB query parameters); the engine
 * wants the target as a client sends it, so decoded parts are encoded again and raw parts only have the
 * bytes escaped that no client could send unescaped.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Escapes a raw path or query: controls, space, {@code #}, non-ASCII (as UTF-8) and, when
     * {@code escapeQuestionMark}, {@code ?}. Existing {@code %xx} escapes are kept.
     */
    public static String escapeRaw(String raw, boolean escapeQuestionMark) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean escape = c <= 0x20 || c >= 0x7f || c == '#' || (escapeQuestionMark && c == '?');
            if (escape && out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (escape) {
                    appendEscaped(out, String.valueOf(c), i, raw);
                    if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                        i++;
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? raw : out.toString();
    }

    /** Percent-encodes a decoded query parameter name or value, so that parsing it again yields the same text. */
    public static String encodeComponent(String decoded) {
        if (decoded == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean escape = c <= 0x20 || c >= 0x7f || c == '%' || c == '&' || c == '=' || c == '+' || c == '#';
            if (escape && out == null) {
                out = new StringBuilder(decoded.length() + 16).append(decoded, 0, i);
            }
            if (out != null) {
                if (escape) {
                    appendEscaped(out, String.valueOf(c), i, decoded);
                    if (Character.isHighSurrogate(c) && i + 1 < decoded.length()) {
                        i++;
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? decoded : out.toString();
    }

    private static void appendEscaped(StringBuilder out, String c, int index, String source) {
        String unit = c;
        char ch = c.charAt(0);
        if (Character.isHighSurrogate(ch) && index + 1 < source.length()
                && Character.isLowSurrogate(source.charAt(index + 1))) {
            unit = source.substring(index, index + 2);
        }
        for (byte b : unit.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }
}
