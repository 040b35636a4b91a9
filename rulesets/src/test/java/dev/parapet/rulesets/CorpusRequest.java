package dev.parapet.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a YAML corpus ({@code src/test/resources/corpus}), built into exact bytes and run through a
 * firewall. Bodies: {@code form} (urlencoded), {@code json}, {@code text} or multipart {@code parts}.
 */
record CorpusRequest(String name, String method, String uri, Map<String, String> headers, byte[] body) {

    static final String USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private static final String BOUNDARY = "----ParapetCorpusBoundary7MA4YWxkTrZu0gW";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of running a request: the interruption and the rules that logged. */
    record Result(Optional<Interruption> interruption, List<MatchedRule> logged) {
        String describe() {
            StringBuilder sb = new StringBuilder();
            interruption.ifPresent(i -> sb.append("interrupted by ").append(i.ruleId()).append(" with ")
                    .append(i.status()).append("; "));
            for (MatchedRule m : logged) {
                sb.append(m.id()).append(" '").append(m.message()).append("' ").append(m.data()).append("; ");
            }
            return sb.toString();
        }
    }

    static List<CorpusRequest> load(String resource) {
        try (InputStream in = CorpusRequest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<CorpusRequest> requests = new ArrayList<>();
            for (JsonNode entry : YAML.readTree(in)) {
                requests.add(of(entry));
            }
            return requests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusRequest of(JsonNode e) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "shop.example.com");
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", "*/*");
        e.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        byte[] body = new byte[0];
        if (e.has("form")) {
            List<String> pairs = new ArrayList<>();
            e.get("form").properties().forEach(f -> pairs.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
            body = String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
            headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        } else if (e.has("json")) {
            body = JSON.writeValueAsBytes(e.get("json"));
            headers.putIfAbsent("Content-Type", "application/json");
        } else if (e.has("text")) {
            body = e.get("text").asText().getBytes(StandardCharsets.UTF_8);
        } else if (e.has("parts")) {
            body = multipart(e.get("parts"));
            headers.putIfAbsent("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        }
        if (body.length > 0) {
            headers.put("Content-Length", Integer.toString(body.length));
        }
        return new CorpusRequest(e.path("name").asText(), e.path("method").asText("GET"), e.path("uri").asText("/"),
                headers, body);
    }

    private static byte[] multipart(JsonNode parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode part : parts) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"")
                    .append(part.path("name").asText()).append('"');
            if (part.has("filename")) {
                head.append("; filename=\"").append(part.get("filename").asText()).append('"');
            }
            head.append("\r\n");
            if (part.has("type")) {
                head.append("Content-Type: ").append(part.get("type").asText()).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(part.has("base64") ? Base64.getDecoder().decode(part.get("base64").asText())
                    : part.path("content").asText().getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A request with the default headers and {@code extraHeaders}; a body gets its Content-Length. */
    static CorpusRequest of(String method, String uri, Map<String, String> extraHeaders, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "shop.example.com");
        headers.put("User-Agent", USER_AGENT);
        headers.put("Accept", "*/*");
        headers.putAll(extraHeaders);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            headers.put("Content-Length", Integer.toString(bytes.length));
        }
        return new CorpusRequest(method + " " + uri, method, uri, headers, bytes);
    }

    /** Runs all phases from a public client address. */
    Result run(Firewall firewall) {
        return run(firewall, "203.0.113.7");
    }

    /** Runs all phases; strings handed to the transaction are byte strings, as from a server adapter. */
    Result run(Firewall firewall, String clientAddress) {
        try (Transaction tx = firewall.newTransaction()) {
            tx.processConnection(clientAddress, 51234, "10.0.0.2", 8080);
            tx.processUri(method, uri, "HTTP/1.1");
            headers.forEach((k, v) -> tx.addRequestHeader(k, byteString(v)));
            Optional<Interruption> interruption = tx.processRequestHeaders();
            if (interruption.isEmpty()) {
                tx.appendRequestBody(body, 0, body.length);
                interruption = tx.processRequestBody();
            }
            if (interruption.isEmpty()) {
                tx.addResponseHeader("Content-Type", "text/html; charset=utf-8");
                interruption = tx.processResponseHeaders(200, "HTTP/1.1");
            }
            tx.processLogging();
            return new Result(interruption, tx.matchedRules().stream().filter(MatchedRule::log).toList());
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
    }

    private static String byteString(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
