package dev.parapet.bodyprocessors;

import java.util.HexFormat;
import java.util.function.BiConsumer;

/**
 * The {@code URLENCODED} body processor ({@code application/x-www-form-urlencoded}), and the shared
 * parser for query strings ({@code ARGS_GET}).
 *
 * <p>Semantics follow ModSecurity: parameters are separated by {@code &} only (not {@code ;}); the name
 * ends at the first {@code =}; name and value are URL-decoded leniently ({@code +} becomes a space,
 * {@code %XX} with two hex digits becomes that byte, any other {@code %} is kept as is); a parameter
 * without {@code =} has an empty value. Deviation: empty segments ({@code a=1&&b=2}, a leading or
 * trailing {@code &}) are skipped, as ModSecurity v3 and Coraza do, whereas ModSecurity v2 adds an
 * argument with an empty name for them.
 */
public final class UrlEncodedBodyProcessor implements BodyProcessor {

    /** Creates the processor; it is stateless. */
    public UrlEncodedBodyProcessor() {
    }

    @Override
    public void process(byte[] body, int length, String contentType, BodyLimits limits, BodyTarget target) {
        int valid = Math.max(0, Math.min(length, body == null ? 0 : body.length));
        String latin1 = valid == 0 ? "" : new String(body, 0, valid, java.nio.charset.StandardCharsets.ISO_8859_1);
        int max = Math.max(0, limits.maxArguments());
        int[] count = {0};
        boolean[] exceeded = {false};
        parse(latin1, (name, value) -> {
            if (exceeded[0]) {
                return;
            }
            if (count[0] >= max) {
                exceeded[0] = true;
                return;
            }
            count[0]++;
            target.argument(name, value);
        });
        if (exceeded[0]) {
            target.error("URLENCODED parsing error: number of arguments exceeds the limit of " + max);
        }
    }

    /**
     * Splits {@code latin1} (a byte string: query string or urlencoded body) into decoded name/value
     * pairs, in order, and hands each to {@code sink}. Linear time; never throws for any input.
     *
     * @param latin1 the raw bytes, one per {@code char}
     * @param sink receives each decoded (name, value) pair
     */
    public static void parse(String latin1, BiConsumer<String, String> sink) {
        int n = latin1.length();
        int start = 0;
        while (start <= n) {
            int end = latin1.indexOf('&', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                int eq = latin1.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    sink.accept(urlDecode(latin1, start, end), "");
                } else {
                    sink.accept(urlDecode(latin1, start, eq), urlDecode(latin1, eq + 1, end));
                }
            }
            start = end + 1;
        }
    }

    /**
     * ModSecurity's lenient URL decoding of {@code s[from, to)}: {@code +} to space, valid {@code %XX}
     * to a byte, invalid escapes kept verbatim.
     */
    static String urlDecode(String s, int from, int to) {
        StringBuilder out = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '%') {
                out = new StringBuilder(to - from);
                out.append(s, from, i);
                break;
            }
        }
        if (out == null) {
            return s.substring(from, to);
        }
        for (int i = from + out.length(); i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(' ');
            } else if (c == '%' && i + 2 < to && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) ((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value of an ASCII hex digit, or -1 ({@link HexFormat} accepts only 0-9, a-f and A-F). */
    private static int hex(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
