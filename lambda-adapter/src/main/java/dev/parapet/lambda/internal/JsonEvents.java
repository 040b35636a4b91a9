package dev.parapet.lambda.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parapet.lambda.EventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps raw JSON events (parsed by {@link JsonTree}) the way the typed adapters map the events library's
 * classes, and writes Parapet's replies in each event type's response shape.
 */
public final class JsonEvents {

    private JsonEvents() {
    }

    /** A parsed event: its root object and kind. */
    public record Event(Map<String, Object> root, EventType type) {
    }

    /** Parses and classifies an event. */
    public static Event parse(byte[] json, int length) throws MalformedEventException {
        Object root;
        try {
            root = JsonTree.parse(json, length);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("event is not valid JSON");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new MalformedEventException("event is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return new Event(object, detect(object));
    }

    /**
     * ALB events carry {@code requestContext.elb}; payload 2.0 says {@code "version":"2.0"} (and has
     * {@code rawPath}/{@code routeKey}); REST and payload 1.0 events have {@code httpMethod}, {@code resource}
     * or a request context with an {@code identity}. Recognising an event by more than one field lets a
     * damaged event still be named, so its 400 says what is missing.
     */
    static EventType detect(Map<String, Object> root) {
        Object context = root.get("requestContext");
        if (context instanceof Map<?, ?> c && c.get("elb") != null) {
            return EventType.ALB;
        }
        if ("2.0".equals(root.get("version")) || root.containsKey("rawPath") || root.containsKey("routeKey")) {
            return EventType.API_GATEWAY_HTTP;
        }
        if (root.containsKey("httpMethod") || root.containsKey("resource")
                || (context instanceof Map<?, ?> c && c.containsKey("identity"))) {
            return EventType.API_GATEWAY_REST;
        }
        return EventType.UNKNOWN;
    }

    /** The request an event describes. */
    public static HttpRequestData request(Event event, GuardSettings settings) throws MalformedEventException {
        Map<String, Object> e = event.root();
        return switch (event.type()) {
            case API_GATEWAY_REST -> {
                RequestBuilder b = new RequestBuilder(EventType.API_GATEWAY_REST)
                        .method(string(e, "httpMethod"))
                        .path(string(e, "path"))
                        .decodedQuery(multiMap(e, "multiValueQueryStringParameters"),
                                stringMap(e, "queryStringParameters"))
                        .headers(multiMap(e, "multiValueHeaders"), stringMap(e, "headers"))
                        .body(string(e, "body"), bool(e, "isBase64Encoded"));
                Map<String, Object> context = object(e, "requestContext");
                if (context != null) {
                    b.protocol(string(context, "protocol")).domainName(string(context, "domainName"));
                    Map<String, Object> identity = object(context, "identity");
                    if (identity != null) {
                        b.contextClientIp(string(identity, "sourceIp"));
                    }
                }
                yield b.build(settings);
            }
            case API_GATEWAY_HTTP -> {
                Map<String, Object> context = object(e, "requestContext");
                Map<String, Object> http = context == null ? null : object(context, "http");
                if (http == null) {
                    throw new MalformedEventException("missing requestContext.http");
                }
                String rawPath = string(e, "rawPath");
                RequestBuilder b = new RequestBuilder(EventType.API_GATEWAY_HTTP)
                        .method(string(http, "method"))
                        .path(rawPath != null ? rawPath : string(http, "path"))
                        .protocol(string(http, "protocol"))
                        .contextClientIp(string(http, "sourceIp"))
                        .domainName(string(context, "domainName"))
                        .headers(null, stringMap(e, "headers"))
                        .cookies(stringList(e, "cookies"))
                        .body(string(e, "body"), bool(e, "isBase64Encoded"));
                String rawQuery = string(e, "rawQueryString");
                if (rawQuery != null) {
                    b.rawQuery(rawQuery);
                } else {
                    b.decodedQuery(null, stringMap(e, "queryStringParameters"));
                }
                yield b.build(settings);
            }
            case ALB -> {
                Map<String, List<String>> multiHeaders = multiMap(e, "multiValueHeaders");
                yield new RequestBuilder(EventType.ALB)
                        .method(string(e, "httpMethod"))
                        .path(string(e, "path"))
                        .undecodedQuery(multiMap(e, "multiValueQueryStringParameters"),
                                stringMap(e, "queryStringParameters"))
                        .headers(multiHeaders, stringMap(e, "headers"))
                        .multiValueHeaders(multiHeaders != null)
                        .body(string(e, "body"), bool(e, "isBase64Encoded"))
                        .serverPort(0)
                        .build(settings);
            }
            case UNKNOWN -> throw new MalformedEventException(
                    "not an API Gateway, function URL or ALB event");
        };
    }

    /**
     * The response a stream handler wrote. An object with {@code statusCode} is a proxy response; anything
     * else is what an HTTP API sends as a 200 {@code application/json} body.
     */
    public static HttpResponseData response(byte[] output, int length) {
        Object root = null;
        if (length > 0) {
            try {
                root = JsonTree.parse(output, length);
            } catch (IOException | RuntimeException e) {
                root = null;
            }
        }
        if (root instanceof Map<?, ?> map && map.containsKey("statusCode")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) map;
            return Responses.of(status(r.get("statusCode")), lenientStringMap(r.get("headers")),
                    lenientMultiMap(r.get("multiValueHeaders")), lenientList(r.get("cookies")),
                    r.get("body") instanceof String s ? s : null, Boolean.TRUE.equals(r.get("isBase64Encoded")));
        }
        List<Header> headers = List.of(new Header("content-type", "application/json"));
        byte[] body = new byte[length];
        System.arraycopy(output, 0, body, 0, length);
        return new HttpResponseData(200, headers, body);
    }

    /** Parapet's reply as JSON in the response shape of {@code type}; an unknown type gets the shape all three accept. */
    public static byte[] reply(EventType type, boolean multiValueHeaders, Reply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", reply.status());
            if (type == EventType.ALB) {
                g.writeStringField("statusDescription", reply.statusDescription());
            }
            if (type == EventType.ALB && multiValueHeaders) {
                g.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, String> h : reply.headers().entrySet()) {
                    g.writeArrayFieldStart(h.getKey());
                    g.writeString(h.getValue());
                    g.writeEndArray();
                }
            } else {
                g.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> h : reply.headers().entrySet()) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
            }
            g.writeEndObject();
            g.writeStringField("body", reply.body());
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- typed field access: a wrong type is a malformed event --------------------------------

    private static String string(Map<String, Object> m, String key) throws MalformedEventException {
        Object v = m.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new MalformedEventException(key + " must be a string");
    }

    private static boolean bool(Map<String, Object> m, String key) throws MalformedEventException {
        Object v = m.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new MalformedEventException(key + " must be a boolean");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> m, String key) throws MalformedEventException {
        Object v = m.get(key);
        if (v == null || v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new MalformedEventException(key + " must be an object");
    }

    private static Map<String, String> stringMap(Map<String, Object> m, String key) throws MalformedEventException {
        Map<String, Object> o = object(m, key);
        if (o == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.entrySet()) {
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw new MalformedEventException(key + " values must be strings");
            }
            out.put(e.getKey(), (String) e.getValue());
        }
        return out;
    }

    private static Map<String, List<String>> multiMap(Map<String, Object> m, String key)
            throws MalformedEventException {
        Map<String, Object> o = object(m, key);
        if (o == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.entrySet()) {
            out.put(e.getKey(), strings(e.getValue(), key));
        }
        return out;
    }

    private static List<String> stringList(Map<String, Object> m, String key) throws MalformedEventException {
        Object v = m.get(key);
        return v == null ? null : strings(v, key);
    }

    private static List<String> strings(Object v, String key) throws MalformedEventException {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new MalformedEventException(key + " values must be arrays of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item != null && !(item instanceof String)) {
                throw new MalformedEventException(key + " values must be arrays of strings");
            }
            out.add((String) item);
        }
        return out;
    }

    // ---- lenient access for the handler's own response ----------------------------------------

    private static int status(Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static Map<String, String> lenientStringMap(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, val) -> {
            if (val != null) {
                out.put(String.valueOf(k), val instanceof String s ? s : String.valueOf(val));
            }
        });
        return out;
    }

    private static Map<String, List<String>> lenientMultiMap(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, val) -> {
            List<String> values = lenientList(val);
            if (values != null) {
                out.put(String.valueOf(k), values);
            }
        });
        return out;
    }

    private static List<String> lenientList(Object v) {
        if (!(v instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item != null) {
                out.add(item instanceof String s ? s : String.valueOf(item));
            }
        }
        return out;
    }
}
