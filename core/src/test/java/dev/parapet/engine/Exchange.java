package dev.parapet.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test request (and optionally response) fed to a {@link Transaction} through the public API only.
 * Bodies and header values are byte strings (one char per byte).
 */
final class Exchange {

    private final String method;
    private final String uri;
    private final List<String[]> headers = new ArrayList<>();
    private String body;
    private int status = 200;
    private final List<String[]> responseHeaders = new ArrayList<>();
    private String responseBody;

    private Exchange(String method, String uri) {
        this.method = method;
        this.uri = uri;
    }

    static Exchange get(String uri) {
        return new Exchange("GET", uri);
    }

    static Exchange request(String method, String uri) {
        return new Exchange(method, uri);
    }

    static Exchange post(String uri, String contentType, String body) {
        return new Exchange("POST", uri).header("Content-Type", contentType).body(body);
    }

    Exchange header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    Exchange body(String bytes) {
        this.body = bytes;
        return this;
    }

    Exchange response(int status, String contentType, String bytes) {
        this.status = status;
        if (contentType != null) {
            responseHeaders.add(new String[] {"Content-Type", contentType});
        }
        this.responseBody = bytes;
        return this;
    }

    /** Connection, request line and headers set; no phase run yet. */
    Transaction start(Firewall fw) {
        Transaction tx = fw.newTransaction();
        tx.processConnection("192.0.2.10", 51234, "192.0.2.1", 8080);
        tx.processUri(method, uri, "HTTP/1.1");
        for (String[] h : headers) {
            tx.addRequestHeader(h[0], h[1]);
        }
        return tx;
    }

    /** Runs phases 1 and 2 (with the body, if any); stops early on an interruption. */
    Transaction request(Firewall fw) {
        Transaction tx = start(fw);
        if (tx.processRequestHeaders().isPresent()) {
            return tx;
        }
        if (body != null) {
            byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
            tx.appendRequestBody(b, 0, b.length);
        }
        tx.processRequestBody();
        return tx;
    }

    /** Runs every phase, 1 to 5, stopping the traffic on an interruption but always logging. */
    Transaction all(Firewall fw) {
        Transaction tx = request(fw);
        if (tx.interruption().isEmpty()) {
            for (String[] h : responseHeaders) {
                tx.addResponseHeader(h[0], h[1]);
            }
            if (tx.processResponseHeaders(status, "HTTP/1.1").isEmpty()) {
                if (responseBody != null && tx.isResponseBodyInspected()) {
                    byte[] b = responseBody.getBytes(StandardCharsets.ISO_8859_1);
                    tx.appendResponseBody(b, 0, b.length);
                }
                tx.processResponseBody();
            }
        }
        tx.processLogging();
        return tx;
    }

    /** Builds a firewall from SecLang lines. */
    static Firewall rules(String... lines) {
        return Firewall.builder().directives("test", String.join("\n", lines)).build();
    }

    /** The ids of the matched rules, in order. */
    static List<Integer> ids(Transaction tx) {
        return tx.matchedRules().stream().map(MatchedRule::id).toList();
    }

    /** The matched rule with {@code id}; fails when it did not match. */
    static MatchedRule match(Transaction tx, int id) {
        return tx.matchedRules().stream().filter(m -> m.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("rule " + id + " did not match; matched " + ids(tx)));
    }
}
