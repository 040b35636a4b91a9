package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwInput;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the exact bytes go-ftw (v1.x, {@code ftwhttp.BuildRequest}) writes to the socket for a stage:
 * <ul>
 *   <li>{@code encoded_request} (base64) / {@code raw_request} are sent verbatim, nothing is added;</li>
 *   <li>otherwise {@code METHOD SP URI SP VERSION CRLF}, then the headers <em>sorted by name</em> (go-ftw builds its
 *       header list from the YAML map with sorted keys, not in file order), then CRLF and the body;</li>
 *   <li>{@code data} is rendered as a Go template; with autocomplete on and a non-empty body, a missing
 *       Content-Type becomes {@code application/x-www-form-urlencoded} and, for exactly that type, unescaped
 *       {@code k=v&...} data is URL-encoded;</li>
 *   <li>for {@code multipart/form-data;} bodies every LF becomes CRLF (even with autocomplete off);</li>
 *   <li>with autocomplete on, {@code Connection: close} and {@code Content-Length} are appended when missing (the
 *       latter when the body is non-empty or the method matches go-ftw's {@code ^POST|PUT|PATCH|DELETE$}).</li>
 * </ul>
 */
final class FtwRequestBuilder {
    private FtwRequestBuilder() {}

    static byte[] build(FtwInput input) {
        if (input.encodedRequest() != null && !input.encodedRequest().isEmpty()) {
            // Go's StdEncoding ignores CR/LF; the MIME decoder also skips any other non-alphabet byte.
            return Base64.getMimeDecoder().decode(input.encodedRequest());
        }
        if (input.rawRequest() != null && !input.rawRequest().isEmpty()) {
            return ByteStrings.utf8(input.rawRequest());
        }
        List<String[]> headers = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(input.headers()).entrySet()) {
            headers.add(new String[] {ByteStrings.wire(e.getKey()), ByteStrings.wire(e.getValue())});
        }
        String method = ByteStrings.wire(input.effectiveMethod());
        String body = body(input);
        if (!body.isEmpty() && input.autocompleteHeaders()) {
            if (!has(headers, "Content-Type")) {
                headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            }
            if (anyValueEqualsIgnoreCase(headers, "Content-Type", "application/x-www-form-urlencoded")) {
                body = GoUrlEncoding.encodeFormData(body);
            }
        }
        if (anyValueContainsIgnoreCase(headers, "Content-Type", "multipart/form-data;")) {
            body = body.replace("\n", "\r\n"); // go-ftw does this blindly: an existing CRLF becomes CR CR LF
        }
        if (input.autocompleteHeaders()) {
            if (!has(headers, "Connection")) {
                headers.add(new String[] {"Connection", "close"});
            }
            if (!has(headers, "Content-Length") && (!body.isEmpty() || methodWantsBody(method))) {
                headers.add(new String[] {"Content-Length", Integer.toString(body.length())});
            }
        }
        StringBuilder out = new StringBuilder(body.length() + 256);
        out.append(method).append(' ').append(ByteStrings.wire(input.effectiveUri())).append(' ')
                .append(ByteStrings.wire(input.effectiveVersion())).append("\r\n");
        for (String[] h : headers) {
            out.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        out.append("\r\n").append(body);
        return ByteStrings.bytes(out.toString());
    }

    /** The body as a byte string: rendered {@code data}, else decoded {@code encoded_data}, else empty. */
    static String body(FtwInput input) {
        if (input.data() != null) {
            return GoTemplate.render(input.data()).map(ByteStrings::wire).orElse("");
        }
        if (input.encodedData() != null) {
            try {
                return ByteStrings.latin1(Base64.getMimeDecoder().decode(input.encodedData()));
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        return "";
    }

    /** go-ftw's unanchored-alternation regex {@code ^POST|PUT|PATCH|DELETE$}, reproduced literally. */
    static boolean methodWantsBody(String method) {
        return method.startsWith("POST") || method.contains("PUT") || method.contains("PATCH")
                || method.endsWith("DELETE");
    }

    private static boolean has(List<String[]> headers, String name) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
    }

    private static boolean anyValueEqualsIgnoreCase(List<String[]> headers, String name, String value) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name) && h[1].equalsIgnoreCase(value));
    }

    private static boolean anyValueContainsIgnoreCase(List<String[]> headers, String name, String needle) {
        return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name)
                && h[1].toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The request as a byte string, for assertions and diagnostics. */
    static String buildAsByteString(FtwInput input) {
        return ByteStrings.latin1(build(input));
    }
}
