package dev.parapet.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

/**
 * The event shapes under test, each with its fixture and how to place request parts in it the way
 * that gateway would. Test-side only: uses jackson-databind to edit the fixture JSON.
 */
enum Kind {
    REST("rest-get.json"),
    HTTP_API("http-get.json"),
    FUNCTION_URL("function-url-post.json"),
    ALB_SINGLE("alb-single.json"),
    ALB_MULTI("alb-multi.json");

    static final ObjectMapper JSON = new ObjectMapper();

    final String fixture;

    Kind(String fixture) {
        this.fixture = fixture;
    }

    boolean isHttpApi() {
        return this == HTTP_API || this == FUNCTION_URL;
    }

    boolean isAlb() {
        return this == ALB_SINGLE || this == ALB_MULTI;
    }

    /** A fresh copy of the fixture. */
    ObjectNode event() {
        return load(fixture);
    }

    static ObjectNode load(String fixture) {
        try (InputStream in = Kind.class.getResourceAsStream("/events/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the path as the client sent it. */
    ObjectNode path(ObjectNode e, String rawPath) {
        if (isHttpApi()) {
            e.put("rawPath", rawPath);
            ((ObjectNode) e.path("requestContext").path("http")).put("path", rawPath);
        } else {
            e.put("path", rawPath);
        }
        return e;
    }

    /** Adds a query parameter with a decoded value, the way the gateway would present it. */
    ObjectNode query(ObjectNode e, String name, String value) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        switch (this) {
            case REST -> {
                // API Gateway decodes query parameters.
                object(e, "queryStringParameters").put(name, value);
                array(object(e, "multiValueQueryStringParameters"), name).add(value);
            }
            case HTTP_API, FUNCTION_URL -> {
                String raw = e.path("rawQueryString").asText("");
                e.put("rawQueryString", raw.isEmpty() ? encoded : raw + "&" + encoded);
                object(e, "queryStringParameters").put(name, value);
            }
            case ALB_SINGLE -> object(e, "queryStringParameters")
                    // An ALB passes parameters on as sent, still encoded.
                    .put(URLEncoder.encode(name, StandardCharsets.UTF_8), URLEncoder.encode(value, StandardCharsets.UTF_8));
            case ALB_MULTI -> array(object(e, "multiValueQueryStringParameters"),
                    URLEncoder.encode(name, StandardCharsets.UTF_8)).add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return e;
    }

    /** Adds a header line; several calls with one name make a multi-value header where the shape allows it. */
    ObjectNode header(ObjectNode e, String name, String value) {
        switch (this) {
            case REST -> {
                object(e, "headers").put(name, value);
                array(object(e, "multiValueHeaders"), name).add(value);
            }
            case HTTP_API, FUNCTION_URL -> {
                // Payload 2.0 joins repeated headers with commas and lower-cases names.
                ObjectNode headers = object(e, "headers");
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                JsonNode old = headers.get(lower);
                headers.put(lower, old == null ? value : old.asText() + "," + value);
            }
            case ALB_SINGLE -> object(e, "headers").put(name.toLowerCase(java.util.Locale.ROOT), value);
            case ALB_MULTI -> array(object(e, "multiValueHeaders"), name.toLowerCase(java.util.Locale.ROOT)).add(value);
        }
        return e;
    }

    /** Removes a header under any case. */
    ObjectNode removeHeader(ObjectNode e, String name) {
        for (String field : new String[] {"headers", "multiValueHeaders"}) {
            if (e.get(field) instanceof ObjectNode headers) {
                List<String> matching = new ArrayList<>();
                headers.fieldNames().forEachRemaining(n -> {
                    if (n.equalsIgnoreCase(name)) {
                        matching.add(n);
                    }
                });
                headers.remove(matching);
            }
        }
        return e;
    }

    /** Adds a cookie: the {@code cookies} array for payload 2.0, the Cookie header elsewhere. */
    ObjectNode cookie(ObjectNode e, String nameValue) {
        if (isHttpApi()) {
            array(e, "cookies").add(nameValue);
            return e;
        }
        String existing = null;
        if (this == ALB_MULTI) {
            JsonNode c = e.path("multiValueHeaders").path("cookie");
            existing = c.isArray() && !c.isEmpty() ? c.get(0).asText() : null;
            ObjectNode headers = object(e, "multiValueHeaders");
            headers.putArray("cookie").add(existing == null ? nameValue : existing + "; " + nameValue);
            return e;
        }
        String name = this == REST ? "Cookie" : "cookie";
        JsonNode c = e.path("headers").path(name);
        existing = c.isTextual() ? c.asText() : null;
        String value = existing == null ? nameValue : existing + "; " + nameValue;
        object(e, "headers").put(name, value);
        if (this == REST) {
            object(e, "multiValueHeaders").putArray(name).add(value);
        }
        return e;
    }

    /** Makes the request a {@code method} with a body of {@code contentType}, base64-encoded if asked. */
    ObjectNode body(ObjectNode e, String method, String contentType, String body, boolean base64) {
        method(e, method);
        removeHeader(e, "content-length");
        removeHeader(e, "content-type");
        header(e, "Content-Type", contentType);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.put("body", base64 ? Base64.getEncoder().encodeToString(bytes) : body);
        e.put("isBase64Encoded", base64);
        return e;
    }

    ObjectNode method(ObjectNode e, String method) {
        if (isHttpApi()) {
            ((ObjectNode) e.path("requestContext").path("http")).put("method", method);
        } else {
            e.put("httpMethod", method);
            if (this == REST) {
                object(e, "requestContext").put("httpMethod", method);
            }
        }
        return e;
    }

    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    static ArrayNode array(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ArrayNode a) {
            return a;
        }
        return parent.putArray(field);
    }
}
