package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.crs.HttpWire;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Body limits, malformed bodies, slow and broken clients, and many clients at once. */
class LimitsAndRobustnessTest {

    static Stream<Arguments> oversize() {
        byte[] small = RequestPassthroughTest.binary(10_000, 1);
        byte[] overNoFiles = RequestPassthroughTest.binary(20_000, 2);
        byte[] overAll = RequestPassthroughTest.binary(70_000, 3);
        String multipart = "multipart/form-data; boundary=" + RequestPassthroughTest.BOUNDARY;
        return Stream.of(
                // action, content type, body, chunked, expected status, rule that refused it (0: the engine limit)
                Arguments.of("Reject", "application/octet-stream", small, false, 200, 0),
                Arguments.of("Reject", "application/octet-stream", overNoFiles, false, 413, 0),
                Arguments.of("Reject", "application/octet-stream", overNoFiles, true, 413, 0),
                Arguments.of("Reject", multipart, RequestPassthroughTest.multipart(overNoFiles), false, 200, 0),
                Arguments.of("Reject", multipart, RequestPassthroughTest.multipart(overAll), false, 413, 0),
                Arguments.of("ProcessPartial", "application/octet-stream", overNoFiles, false, 200, 0),
                Arguments.of("ProcessPartial", "application/octet-stream", overAll, true, 200, 0),
                // cut at the limit, the multipart body no longer parses: modsecurity.conf's rule 200002 refuses it
                Arguments.of("ProcessPartial", multipart, RequestPassthroughTest.multipart(overAll), false, 400,
                        200002));
    }

    @ParameterizedTest(name = "{0} {1} chunked={3} -> {4}")
    @MethodSource("oversize")
    void bodyLimits(String action, String type, byte[] body, boolean chunked, int status, int rule,
            @TempDir Path dir) {
        try (FilterServer server = FilterServer.start(TestRules.firewall(action), dir)) {
            HttpWire.Response r = server.send(RequestPassthroughTest.request("POST", "/echo", type, body, chunked));
            assertEquals(status, r.status(), r::bodyText);
            if (status == 200) {
                // passed on whole, also past the inspection limit
                assertArrayEquals(body, r.body());
            } else {
                JsonNode event = server.events().get(0);
                assertEquals(rule, event.at("/interruption/rule_id").asInt());
                assertEquals(2, event.at("/interruption/phase").asInt());
            }
        }
    }

    @Test
    void processPartialInspectsThePrefixAndPassesPartsOfTheWhole(@TempDir Path dir) throws Exception {
        // Without the body-error rules: a multipart body cut at the limit does not parse (as in ModSecurity).
        var firewall = dev.parapet.engine.Firewall.builder()
                .directives("engine", TestRules.ENGINE.formatted("ProcessPartial"))
                .directives("rules", TestRules.RULES)
                .build();
        try (FilterServer server = FilterServer.start(firewall, dir)) {
            byte[] attack = ("a=attack2&pad=" + "x".repeat(30_000)).getBytes(StandardCharsets.US_ASCII);
            HttpWire.Response r = server.send(RequestPassthroughTest.request("POST", "/echo",
                    "application/x-www-form-urlencoded", attack, false));
            assertEquals(403, r.status());
            byte[] file = RequestPassthroughTest.binary(90_000, 7);
            HttpWire.Response parts = server.send(RequestPassthroughTest.request("POST", "/parts",
                    "multipart/form-data; boundary=" + RequestPassthroughTest.BOUNDARY,
                    RequestPassthroughTest.multipart(file), true));
            assertEquals(200, parts.status(), parts::bodyText);
            JsonNode json = TestApp.JSON.readTree(parts.body());
            assertEquals(TestApp.sha256(file), json.at("/1/sha256").asText());
        }
    }

    static Stream<Arguments> malformedMultipart() {
        String b = RequestPassthroughTest.BOUNDARY;
        return Stream.of(
                Arguments.of("no closing boundary", "--" + b + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"),
                Arguments.of("no boundary at all", "just some text"),
                Arguments.of("header without colon",
                        "--" + b + "\r\nContent-Disposition form-data\r\n\r\nx\r\n--" + b + "--\r\n"),
                Arguments.of("part without name",
                        "--" + b + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + b + "--\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMultipart")
    void malformedMultipartIsRefusedByTheRulesOrReportedToTheApplication(String name, String body,
            @TempDir Path dir) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String type = "multipart/form-data; boundary=" + RequestPassthroughTest.BOUNDARY;
        try (FilterServer on = FilterServer.start(TestRules.firewall(), dir.resolve("on"))) {
            HttpWire.Response r = on.send(RequestPassthroughTest.request("POST", "/parts", type, bytes, false));
            assertEquals(400, r.status(), r::bodyText);
            int rule = on.events().get(0).at("/interruption/rule_id").asInt();
            assertTrue(rule == 200002 || rule == 200003, () -> "rule " + rule);
            assertTrue(r.bodyText().contains("blocked by the web application firewall"), r::bodyText);
        }
        var detecting = dev.parapet.engine.Firewall.builder()
                .directives("engine", TestRules.ENGINE.formatted("Reject"))
                .mode(dev.parapet.engine.RuleEngineMode.DETECTION_ONLY).build();
        try (FilterServer off = FilterServer.start(detecting, dir.resolve("detect"))) {
            HttpWire.Response r = off.send(RequestPassthroughTest.request("POST", "/parts", type, bytes, false));
            // the application's getParts() reports it; the servlet answers 400 itself
            assertEquals(400, r.status(), r::bodyText);
            assertTrue(r.bodyText().contains("malformed multipart"), r::bodyText);
        }
    }

    @Test
    void slowClientStillDeliversTheWholeBody(@TempDir Path dir) throws Exception {
        try (FilterServer server = FilterServer.start(TestRules.firewall(), dir)) {
            byte[] body = RequestPassthroughTest.binary(3_000, 5);
            try (Socket s = new Socket("127.0.0.1", server.port)) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                for (int i = 0; i < body.length; i += 300) {
                    out.write(body, i, Math.min(300, body.length - i));
                    out.flush();
                    Thread.sleep(20);
                }
                HttpWire.Response r = HttpWire.read(s.getInputStream());
                assertEquals(200, r.status());
                assertArrayEquals(body, r.body());
            }
        }
    }

    @Test
    void clientThatStopsSendingIsDroppedAndLoggedAndTheServerGoesOn(@TempDir Path dir) throws Exception {
        try (FilterServer server = FilterServer.start(TestRules.firewall(), dir, 500,
                dev.parapet.audit.AuditPolicy.ALL)) {
            try (Socket s = new Socket("127.0.0.1", server.port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST /echo?stalled=1 HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\nonly a little").getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = s.getInputStream();
                // The idle timeout ends the exchange: an error answer or a closed connection, never a hang.
                HttpWire.Response r = HttpWire.read(in);
                assertTrue(r.status() == -1 || r.status() >= 400, () -> "status " + r.status());
                // The application never ran, and the transaction is on record with the failure status.
                JsonNode event = server.events().stream()
                        .filter(e -> e.at("/request/uri").asText().equals("/echo?stalled=1")).findFirst().orElseThrow();
                assertTrue(event.at("/response/status").asInt() >= 400, event::toString);
                if (r.status() > 0) {
                    assertEquals(r.status(), event.at("/response/status").asInt());
                }
            }
            HttpWire.Response after = server.send(BlockingTest.get("/respond?body=still+here"));
            assertEquals(200, after.status());
        }
    }

    @Test
    void concurrentRequestsDoNotSeeEachOther(@TempDir Path dir) throws Exception {
        try (FilterServer server = FilterServer.start(TestRules.firewall(), dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        boolean attack = n % 3 == 0;
                        byte[] body = ("n=" + n + "&v=" + (attack ? "attack2" : "value" + n) + "&pad="
                                + "p".repeat(n * 37 % 5000)).getBytes(StandardCharsets.US_ASCII);
                        HttpWire.Response r = server.send(RequestPassthroughTest.request("POST", "/echo?req=" + n,
                                "application/x-www-form-urlencoded", body, n % 2 == 0));
                        if (attack) {
                            return r.status() == 403 ? "ok" : n + ": expected 403, got " + r.status();
                        }
                        if (r.status() != 200 || !java.util.Arrays.equals(body, r.body())) {
                            return n + ": body mixed up (status " + r.status() + ")";
                        }
                        return "ok";
                    }));
                }
                for (Future<String> f : results) {
                    assertEquals("ok", f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            // Each blocked transaction's event names its own request and its own matched value.
            Set<String> ids = new HashSet<>();
            List<JsonNode> events = server.events();
            assertEquals(67, events.size());
            for (JsonNode e : events) {
                assertTrue(ids.add(e.get("transaction_id").asText()));
                String uri = e.at("/request/uri").asText();
                int n = Integer.parseInt(uri.substring(uri.indexOf('=') + 1));
                assertEquals(0, n % 3, uri);
                assertEquals("ARGS:v", e.at("/rules/0/matched_var").asText());
            }
        }
    }

    @Test
    void auditEventOfEveryBlockIsReadableWhenTheResponseArrives(@TempDir Path dir) throws Exception {
        try (FilterServer server = FilterServer.start(TestRules.firewall(), dir)) {
            for (int i = 0; i < 30; i++) {
                HttpWire.Response r = server.send(BlockingTest.get("/respond?i=" + i + "&body=SECRET-LEAK"));
                assertEquals(503, r.status());
                String id = BlockingTest.transactionId(r.bodyText());
                ByteArrayOutputStream unused = new ByteArrayOutputStream();
                unused.close();
                assertEquals(401, server.event(id).at("/rules/0/id").asInt());
            }
        }
    }
}
