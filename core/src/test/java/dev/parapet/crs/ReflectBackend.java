package dev.parapet.crs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.crs.RawRequest.Header;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Emulates the CRS test backend (albedo): {@code POST /reflect} with a JSON body
 * {@code {"status":..,"headers":{..},"body":"..","encodedBody":".."}} answers with exactly that response; every
 * other request gets a small {@code 200 text/html} page. Like Go's {@code net/http}, a missing Content-Type is
 * sniffed from the body.
 */
final class ReflectBackend {
    static final String DEFAULT_BODY = "<html><body>Hello from the Parapet test backend</body></html>\n";

    private final ObjectMapper json = new ObjectMapper();

    BackendResponse respond(RawRequest request) {
        if (isReflect(request)) {
            BackendResponse reflected = reflect(request.body());
            if (reflected != null) {
                return reflected;
            }
        }
        return new BackendResponse(200, List.of(
                new Header("Content-Type", "text/html; charset=utf-8"),
                new Header("Content-Length", Integer.toString(DEFAULT_BODY.length()))), DEFAULT_BODY);
    }

    static boolean isReflect(RawRequest request) {
        String path = request.uri();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        return request.method().equals("POST") && path.equals("/reflect");
    }

    /** The reflected response, or null when the body is not a JSON object (albedo would answer 400). */
    BackendResponse reflect(String body) {
        JsonNode spec;
        try {
            // The request body is bytes; albedo decodes it as UTF-8 JSON.
            spec = json.readTree(ByteStrings.bytes(body));
        } catch (java.io.IOException e) {
            return null;
        }
        if (spec == null || !spec.isObject()) {
            return null;
        }
        int status = spec.path("status").asInt(200);
        if (status < 100 || status > 999) {
            status = 200;
        }
        String responseBody = "";
        if (spec.hasNonNull("body")) {
            responseBody = ByteStrings.wire(spec.get("body").asText());
        } else if (spec.hasNonNull("encodedBody")) {
            try {
                responseBody = ByteStrings.latin1(Base64.getMimeDecoder().decode(spec.get("encodedBody").asText()));
            } catch (IllegalArgumentException e) {
                responseBody = "";
            }
        }
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : spec.path("headers").properties()) {
            headers.add(new Header(ByteStrings.wire(e.getKey()), ByteStrings.wire(e.getValue().asText())));
        }
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type")) && !responseBody.isEmpty()) {
            headers.add(new Header("Content-Type", sniffContentType(responseBody)));
        }
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Length"))) {
            headers.add(new Header("Content-Length", Integer.toString(responseBody.length())));
        }
        return new BackendResponse(status, List.copyOf(headers), responseBody);
    }

    /** A reduced form of Go's {@code http.DetectContentType} covering the text types CRS inspects. */
    static String sniffContentType(String body) {
        int i = 0;
        while (i < body.length() && " \t\n\r\f".indexOf(body.charAt(i)) >= 0) {
            i++;
        }
        String head = body.substring(i, Math.min(body.length(), i + 16)).toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
                "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
            if (head.startsWith(tag) && head.length() > tag.length()
                    && (head.charAt(tag.length()) == ' ' || head.charAt(tag.length()) == '>')) {
                return "text/html; charset=utf-8";
            }
        }
        if (head.startsWith("<?xml")) {
            return "text/xml; charset=utf-8";
        }
        for (int k = 0; k < Math.min(body.length(), 512); k++) {
            char c = body.charAt(k);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }
}
