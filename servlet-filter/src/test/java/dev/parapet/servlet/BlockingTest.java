package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.crs.HttpWire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Blocks in each phase replace the response (or abort it once committed); the audit log is written first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockingTest {

    FilterServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = FilterServer.start(TestRules.firewall(), dir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
    }

    static String post(String target, String type, String body) {
        return "POST " + target + " HTTP/1.1\r\nHost: test\r\nContent-Type: " + type + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                // name, request, expected status, rule id (0: none), phase, body must not contain
                Arguments.of("phase 1 header", get("/respond?body=fine", "X-Block: phase1\r\n"), 403, 101, 1, "fine"),
                Arguments.of("phase 2 query", get("/respond?q=attack2&body=fine"), 403, 201, 2, "fine"),
                Arguments.of("phase 2 form body", post("/respond?body=fine", "application/x-www-form-urlencoded",
                        "a=1&b=attack2"), 403, 201, 2, "fine"),
                Arguments.of("phase 2 json body", post("/echo", "application/json", "{\"x\":[\"attack2\"]}"), 403,
                        201, 2, "attack2"),
                Arguments.of("phase 2 broken json", post("/echo", "application/json", "{\"x\":"), 400, 200002, 2,
                        "{\"x\""),
                Arguments.of("phase 3 header", get("/respond?header=X-Leak:yes&body=fine"), 502, 301, 3, "fine"),
                Arguments.of("phase 3 on sendError", get("/respond?header=X-Leak:yes&status=404&body=NOT-FOUND-BODY"), 502,
                        301, 3, "NOT-FOUND-BODY"),
                Arguments.of("phase 4 html body", get("/respond?body=SECRET-LEAK+here"), 503, 401, 4, "SECRET"),
                Arguments.of("phase 4 with length", get("/respond?body=SECRET-LEAK&length=1"), 503, 401, 4,
                        "SECRET"),
                Arguments.of("phase 4 after flushes", get("/respond?body=SECRET-LEAK+&repeat=500&flush=1"), 503, 401,
                        4, "SECRET"),
                Arguments.of("phase 4 async", get("/async?body=SECRET-LEAK"), 503, 401, 4, "SECRET"),
                Arguments.of("phase 4 async dispatch", get("/dispatch?body=SECRET-LEAK"), 503, 401, 4, "SECRET"),
                Arguments.of("async dispatch passes", get("/dispatch?body=fine"), 200, 0, 0, ""),
                Arguments.of("not inspected type", get("/respond?type=application/octet-stream&body=SECRET-LEAK"),
                        200, 0, 0, ""),
                Arguments.of("passes", get("/respond?body=all+good"), 200, 0, 0, ""),
                Arguments.of("async passes", get("/async?body=async+ok"), 200, 0, 0, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void blocksInEveryPhase(String name, String request, int status, int ruleId, int phase, String hidden)
            throws Exception {
        HttpWire.Response r = server.send(request);
        assertEquals(status, r.status(), () -> name + ": " + r.bodyText());
        assertTrue(r.complete(), name);
        if (ruleId == 0) {
            return;
        }
        assertFalse(r.bodyText().contains(hidden), () -> "blocked response leaks: " + r.bodyText());
        assertTrue(r.bodyText().contains("blocked by the web application firewall"), r.bodyText());
        String id = transactionId(r.bodyText());
        // Written before the response completed: readable right away.
        JsonNode event = server.event(id);
        assertEquals("blocked", event.get("verdict").asText());
        assertEquals(ruleId, event.at("/interruption/rule_id").asInt());
        assertEquals(phase, event.at("/interruption/phase").asInt());
        assertEquals(status, event.at("/response/status").asInt());
        assertTrue(server.errorLines().stream().anyMatch(l -> l.contains("[id \"" + ruleId + "\"]")
                && l.contains("[unique_id \"" + id + "\"]")));
    }

    static String transactionId(String html) {
        int at = html.indexOf("<code>");
        return html.substring(at + 6, html.indexOf("</code>", at));
    }

    static Stream<Arguments> accepts() {
        return Stream.of(
                Arguments.of(null, false),
                Arguments.of("*/*", false),
                Arguments.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false),
                Arguments.of("application/json", true),
                Arguments.of("application/problem+json", true),
                Arguments.of("application/json, text/plain, */*", true),
                Arguments.of("text/html;q=0.5, application/json;q=0.9", true),
                Arguments.of("text/html, application/json", false),
                Arguments.of("application/json;q=0", false));
    }

    @ParameterizedTest(name = "Accept: {0}")
    @MethodSource("accepts")
    void blockPageFollowsAccept(String accept, boolean json) throws Exception {
        String header = accept == null ? "" : "Accept: " + accept + "\r\n";
        HttpWire.Response r = server.send(get("/respond?x=%3Cscript%3Ealert(1)%3C/script%3E&q=attack2", header));
        assertEquals(403, r.status());
        String type = r.header("Content-Type").orElse("");
        assertFalse(r.bodyText().contains("<script>"));
        assertEquals("no-store", r.header("Cache-Control").orElse(""));
        if (json) {
            assertTrue(type.startsWith("application/json"), type);
            JsonNode body = TestApp.JSON.readTree(r.body());
            assertEquals(403, body.get("status").asInt());
            assertFalse(body.get("transaction_id").asText().isEmpty());
        } else {
            assertTrue(type.startsWith("text/html"), type);
            assertTrue(r.bodyText().contains("403 Forbidden"));
        }
    }

    @Test
    void streamingResponseBlockedAfterCommitIsAborted() {
        // 400 KB of a type that is not inspected: committed long before phase 4 decides to block. Keep-alive, so
        // the body is chunked and its end is marked (a close-delimited body cannot show an abort).
        String big = "GET /respond?type=application/octet-stream&body=0123456789&repeat=40000&flush=1 HTTP/1.1\r\n"
                + "Host: test\r\nX-Late-Block: yes\r\n\r\n";
        HttpWire.Response r = server.send(big);
        assertEquals(200, r.status());
        assertEquals("chunked", r.header("Transfer-Encoding").orElse(""));
        assertFalse(r.complete(), "a response blocked after commit must not end normally");
        String withLength = get("/respond?type=application/octet-stream&body=0123456789&repeat=40000&flush=1&length=1",
                "X-Late-Block: yes\r\n");
        HttpWire.Response r2 = server.send(withLength);
        assertEquals(200, r2.status());
        assertFalse(r2.complete());
        assertTrue(r2.body().length < 400_000);
    }

    @Test
    void nonInspectedResponsesStreamThroughUnbuffered() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(get("/stream?key=" + key).getBytes(StandardCharsets.ISO_8859_1));
            java.io.InputStream in = s.getInputStream();
            StringBuilder seen = new StringBuilder();
            // The servlet holds the rest back until this client has the first line: only an unbuffered filter
            // lets it arrive.
            while (!seen.toString().contains("first\n")) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                seen.append((char) c);
            }
            assertTrue(seen.toString().contains("first\n"), seen::toString);
            TestApp.Stream.GATES.computeIfAbsent(key, k -> new java.util.concurrent.CountDownLatch(1)).countDown();
            HttpWire.Response rest = HttpWire.read(new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(new byte[0]), in));
            String tail = new String(rest.raw(), StandardCharsets.ISO_8859_1);
            assertTrue(tail.contains("second"), tail);
        }
    }

    @Test
    void lateBlockOfAnUncommittedStreamingResponseIsReplaced() {
        HttpWire.Response r = server.send(get("/respond?type=application/octet-stream&body=small",
                "X-Late-Block: yes\r\n"));
        assertEquals(500, r.status());
        assertFalse(r.bodyText().contains("small"));
    }

    @Test
    void largeInspectedResponsePassesWhole() {
        // 120 KB of HTML: over the 64 KB inspection limit, ProcessPartial inspects the first 64 KB only.
        HttpWire.Response r = server.send(get("/respond?body=0123456789&repeat=12000"));
        assertEquals(200, r.status());
        assertTrue(r.complete());
        assertEquals(120_000, r.body().length);
        HttpWire.Response leak = server.send(get("/respond?body=SECRET-LEAK-0123456789&repeat=6000"));
        assertEquals(503, leak.status());
    }

    @Test
    void detectionOnlyLetsEverythingThroughAndLogs(@TempDir Path dir) {
        var firewall = dev.parapet.engine.Firewall.builder()
                .directives("engine", TestRules.ENGINE.formatted("Reject"))
                .directives("rules", TestRules.RULES)
                .mode(dev.parapet.engine.RuleEngineMode.DETECTION_ONLY)
                .build();
        try (FilterServer detecting = FilterServer.start(firewall, dir)) {
            HttpWire.Response r = detecting.send(get("/respond?q=attack2&body=SECRET-LEAK", "X-Block: phase1\r\n"));
            assertEquals(200, r.status());
            assertEquals("SECRET-LEAK", r.bodyText());
            List<JsonNode> events = detecting.events();
            assertEquals(1, events.size());
            assertEquals("detected", events.get(0).get("verdict").asText());
            List<Integer> ids = new java.util.ArrayList<>();
            events.get(0).get("rules").forEach(rule -> ids.add(rule.get("id").asInt()));
            assertEquals(List.of(101, 201, 401), ids);
            assertTrue(detecting.errorLines().get(0).startsWith("ModSecurity: Warning."));
        }
    }
}
