package dev.parapet.lambda.internal;

import dev.parapet.lambda.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the HTTP parts of an event, whatever its shape, and builds the {@link HttpRequestData}.
 * Both the typed adapters and the raw-JSON adapter feed it, so every event type is mapped the same way.
 */
public final class RequestBuilder {

    private final EventType type;
    private String method;
    private String path;
    private final StringBuilder query = new StringBuilder();
    private boolean hasQuery;
    private String protocol;
    private final List<Header> headers = new ArrayList<>();
    private final List<String> cookies = new ArrayList<>();
    private String body;
    private boolean base64;
    private String contextClientIp;
    private String domainName;
    private int serverPort = 443;
    private boolean multiValueHeaders;

    public RequestBuilder(EventType type) {
        this.type = type;
    }

    public RequestBuilder method(String method) {
        this.method = method;
        return this;
    }

    public RequestBuilder path(String path) {
        this.path = path;
        return this;
    }

    /** A query string as the client sent it (HTTP API {@code rawQueryString}). */
    public RequestBuilder rawQuery(String raw) {
        if (raw != null && !raw.isEmpty()) {
            appendQuery(UriEncoding.escapeRaw(raw, false));
        }
        return this;
    }

    /** Query parameters the gateway has already decoded (API Gateway REST, HTTP API payload 1.0). */
    public RequestBuilder decodedQuery(Map<String, List<String>> multi, Map<String, String> single) {
        forEachParameter(multi, single, (name, value) ->
                appendQuery(UriEncoding.encodeComponent(name) + "=" + UriEncoding.encodeComponent(value)));
        return this;
    }

    /** Query parameters passed on undecoded (ALB: "the load balancer does not decode them"). */
    public RequestBuilder undecodedQuery(Map<String, List<String>> multi, Map<String, String> single) {
        forEachParameter(multi, single, (name, value) ->
                appendQuery(UriEncoding.escapeRaw(name, true) + "=" + UriEncoding.escapeRaw(value, true)));
        return this;
    }

    private static void forEachParameter(Map<String, List<String>> multi, Map<String, String> single,
            java.util.function.BiConsumer<String, String> sink) {
        if (multi != null && !multi.isEmpty()) {
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                if (e.getKey() == null) {
                    continue;
                }
                List<String> values = e.getValue();
                if (values == null || values.isEmpty()) {
                    sink.accept(e.getKey(), "");
                    continue;
                }
                for (String v : values) {
                    sink.accept(e.getKey(), v == null ? "" : v);
                }
            }
        } else if (single != null) {
            for (Map.Entry<String, String> e : single.entrySet()) {
                if (e.getKey() != null) {
                    sink.accept(e.getKey(), e.getValue() == null ? "" : e.getValue());
                }
            }
        }
    }

    private void appendQuery(String pair) {
        if (hasQuery) {
            query.append('&');
        }
        query.append(pair);
        hasQuery = true;
    }

    public RequestBuilder protocol(String protocol) {
        this.protocol = protocol;
        return this;
    }

    /**
     * Headers from an event; {@code multi} wins when present, as it carries every value in order while
     * {@code single} keeps only the last (REST) or a comma-joined list (HTTP API).
     */
    public RequestBuilder headers(Map<String, List<String>> multi, Map<String, String> single) {
        if (multi != null && !multi.isEmpty()) {
            multiValueHeaders = true;
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                for (String v : e.getValue()) {
                    headers.add(new Header(e.getKey(), v));
                }
            }
        } else if (single != null) {
            for (Map.Entry<String, String> e : single.entrySet()) {
                if (e.getKey() != null) {
                    headers.add(new Header(e.getKey(), e.getValue()));
                }
            }
        }
        return this;
    }

    /** Whether the event carried a {@code multiValueHeaders} object at all (an ALB answers in kind). */
    public RequestBuilder multiValueHeaders(boolean used) {
        this.multiValueHeaders = used;
        return this;
    }

    /** The HTTP API {@code cookies} array, which replaces the {@code Cookie} header in payload 2.0. */
    public RequestBuilder cookies(List<String> cookies) {
        if (cookies != null) {
            for (String c : cookies) {
                if (c != null && !c.isEmpty()) {
                    this.cookies.add(c);
                }
            }
        }
        return this;
    }

    public RequestBuilder body(String body, boolean base64Encoded) {
        this.body = body;
        this.base64 = base64Encoded;
        return this;
    }

    /** The client address the gateway saw (request context), never a header. */
    public RequestBuilder contextClientIp(String ip) {
        this.contextClientIp = ip;
        return this;
    }

    /** The domain name from the request context, used as {@code Host} when the event has no such header. */
    public RequestBuilder domainName(String domainName) {
        this.domainName = domainName;
        return this;
    }

    public RequestBuilder serverPort(int port) {
        this.serverPort = port;
        return this;
    }

    /** Validates what was collected and builds the request. */
    public HttpRequestData build(GuardSettings settings) throws MalformedEventException {
        if (method == null || method.isBlank()) {
            throw new MalformedEventException("missing HTTP method");
        }
        if (!isToken(method)) {
            throw new MalformedEventException("invalid HTTP method");
        }
        if (path == null || path.isEmpty()) {
            throw new MalformedEventException("missing path");
        }
        byte[] bodyBytes = decodeBody();
        List<Header> all = new ArrayList<>(headers);
        if (!cookies.isEmpty()) {
            all.add(new Header("cookie", String.join("; ", cookies)));
        }
        if (find(all, "host") == null && domainName != null && !domainName.isBlank()) {
            all.add(new Header("host", domainName));
        }
        // Gateways do not always pass Content-Length on; CRS 920180 flags a POST without it. The body
        // length is known exactly, so state it.
        if (find(all, "content-length") == null && find(all, "transfer-encoding") == null
                && (bodyBytes.length > 0 || hasBodySemantics(method))) {
            all.add(new Header("content-length", Integer.toString(bodyBytes.length)));
        }
        String rawPath = UriEncoding.escapeRaw(path, true);
        if (!rawPath.startsWith("/")) {
            rawPath = "/" + rawPath;
        }
        String uri = hasQuery ? rawPath + "?" + query : rawPath;
        String ip = ClientIps.resolve(settings, all, contextClientIp);
        return new HttpRequestData(type, method, uri, protocol, all, bodyBytes, ip, serverPort, multiValueHeaders);
    }

    private byte[] decodeBody() throws MalformedEventException {
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("body is marked isBase64Encoded but is not valid base64");
        }
    }

    private static boolean hasBodySemantics(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    static String find(List<Header> headers, String lowerName) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(lowerName)) {
                return h.value();
            }
        }
        return null;
    }

    /** RFC 9110 token characters: what a method may consist of. */
    private static boolean isToken(String s) {
        if (s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
