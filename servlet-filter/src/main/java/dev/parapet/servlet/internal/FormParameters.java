package dev.parapet.servlet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters the way servlet containers build them: query string first, then the form body, names in first
 * appearance order. Decoding is lenient like the containers' own: a {@code %} not followed by two hex digits stays as
 * it is.
 */
final class FormParameters {

    /** Most parameters kept, as containers cap them (Tomcat's and Jetty's default is 1000 to 10000). */
    static final int MAX_PARAMETERS = 10_000;

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private int count;

    /** Adds the {@code k=v&…} pairs of a query string or an urlencoded body. */
    void addUrlEncoded(byte[] data, int offset, int length, Charset charset) {
        int end = offset + length;
        int start = offset;
        while (start <= end && count < MAX_PARAMETERS) {
            int amp = start;
            while (amp < end && data[amp] != '&') {
                amp++;
            }
            if (amp > start) {
                int eq = start;
                while (eq < amp && data[eq] != '=') {
                    eq++;
                }
                String name = decode(data, start, eq, charset);
                String value = eq < amp ? decode(data, eq + 1, amp, charset) : "";
                add(name, value);
            }
            start = amp + 1;
        }
    }

    /** Adds one parameter (e.g. a multipart form field). */
    void add(String name, String value) {
        if (count >= MAX_PARAMETERS) {
            return;
        }
        values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        count++;
    }

    /** The parameters as an unmodifiable map of arrays, as {@code getParameterMap} returns them. */
    Map<String, String[]> toMap() {
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String decode(byte[] data, int from, int to, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && hex(data, i + 1, to) >= 0 && hex(data, i + 2, to) >= 0) {
                out.write((hex(data, i + 1, to) << 4) | hex(data, i + 2, to));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(charset);
    }

    private static int hex(byte[] data, int i, int to) {
        if (i >= to) {
            return -1;
        }
        return Character.digit((char) (data[i] & 0xFF), 16);
    }
}
