package dev.parapet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.engine.Transaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {

    private static final String RULES = """
            SecRuleEngine On
            SecRule ARGS:q "@contains attack" "id:1001,phase:1,deny,status:403,log,msg:'Attack in q',\\
                logdata:'found %{MATCHED_VAR}',severity:CRITICAL,tag:'test/attack',ver:'t/1',\\
                setvar:tx.blocking_inbound_anomaly_score=+5"
            SecRule REQUEST_COOKIES "@contains secret" "id:1002,phase:1,pass,log,msg:'Cookie check',\\
                logdata:'cookie %{MATCHED_VAR}'"
            SecRule REQUEST_HEADERS:Authorization "@rx ." "id:1003,phase:1,pass,log,msg:'Has auth',\\
                logdata:'auth %{MATCHED_VAR}'"
            SecRule ARGS:quiet "@rx ." "id:1004,phase:1,pass,nolog"
            SecRule ARGS:password "@rx ." "id:1005,phase:1,pass,log,logdata:'pw %{MATCHED_VAR}'"
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** A sink that keeps what it is given. */
    static final class Capture implements AuditSink {
        final List<String> lines = new ArrayList<>();
        final List<AuditEvent> events = new ArrayList<>();
        int calls;

        @Override
        public void write(List<String> errorLines, Optional<AuditEvent> event) {
            calls++;
            lines.addAll(errorLines);
            event.ifPresent(events::add);
        }
    }

    private static Transaction run(Firewall fw, String uri, List<AuditEvent.Header> headers) {
        Transaction tx = fw.newTransaction("tx-1");
        tx.processConnection("192.0.2.7", 40000, "127.0.0.1", 8080);
        tx.processUri("GET", uri, "HTTP/1.1");
        for (AuditEvent.Header h : headers) {
            tx.addRequestHeader(h.name(), h.value());
        }
        tx.processRequestHeaders();
        tx.processRequestBody();
        tx.processLogging();
        return tx;
    }

    private static AuditEvent.Request request(String uri, List<AuditEvent.Header> headers) {
        return new AuditEvent.Request("192.0.2.7", 40000, "127.0.0.1", 8080, "GET", uri, "HTTP/1.1", headers);
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(RuleEngineMode.ON, "/?q=attack", "blocked", 403, List.of(1001)),
                Arguments.of(RuleEngineMode.DETECTION_ONLY, "/?q=attack", "detected", 200, List.of(1001)),
                Arguments.of(RuleEngineMode.ON, "/?q=fine&password=hunter2", "allowed", 200, List.of(1005)));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void eventCarriesVerdictRulesAndScores(RuleEngineMode mode, String uri, String verdict, int status,
            List<Integer> ids) throws Exception {
        Firewall fw = Firewall.builder().directives("rules", RULES).mode(mode).build();
        List<AuditEvent.Header> headers = List.of(new AuditEvent.Header("Host", "example.test"));
        Transaction tx = run(fw, uri, headers);
        Capture sink = new Capture();
        AuditLog.builder().sink(sink).clock(CLOCK).build().record(tx, request(uri, headers), status);

        assertEquals(1, sink.events.size());
        JsonNode json = JSON.readTree(sink.events.get(0).toJson());
        assertEquals("2025-01-02T03:04:05Z", json.get("time").asText());
        assertEquals("tx-1", json.get("transaction_id").asText());
        assertEquals("192.0.2.7", json.at("/client/address").asText());
        assertEquals(40000, json.at("/client/port").asInt());
        assertEquals("GET", json.at("/request/method").asText());
        assertEquals(uri, json.at("/request/uri").asText());
        assertEquals("Host", json.at("/request/headers/0/0").asText());
        assertEquals(status, json.at("/response/status").asInt());
        assertEquals(verdict, json.get("verdict").asText());
        List<Integer> logged = new ArrayList<>();
        json.get("rules").forEach(r -> logged.add(r.get("id").asInt()));
        assertEquals(ids, logged);
        assertEquals(ids.size(), sink.lines.size());
        if (ids.contains(1001)) {
            JsonNode rule = json.at("/rules/0");
            assertEquals("Attack in q", rule.get("msg").asText());
            assertEquals("found attack", rule.get("data").asText());
            assertEquals("CRITICAL", rule.get("severity").asText());
            assertEquals("test/attack", rule.at("/tags/0").asText());
            assertEquals("ARGS:q", rule.get("matched_var").asText());
            assertEquals(1, rule.get("phase").asInt());
            assertEquals(5, json.at("/anomaly_scores/blocking_inbound_anomaly_score").asInt());
            assertTrue(sink.lines.get(0).contains("[id \"1001\"]"), sink.lines.get(0));
        }
        if (verdict.equals("blocked")) {
            assertEquals(1001, json.at("/interruption/rule_id").asInt());
            assertEquals("deny", json.at("/interruption/action").asText());
        } else {
            assertTrue(json.path("interruption").isMissingNode());
        }
    }

    @Test
    void cookiesAndAuthorizationAreMaskedEverywhere() throws Exception {
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        List<AuditEvent.Header> headers = List.of(
                new AuditEvent.Header("Host", "example.test"),
                new AuditEvent.Header("Cookie", "sid=secret-session-token"),
                new AuditEvent.Header("Authorization", "Bearer top-secret-token"));
        Transaction tx = run(fw, "/", headers);
        Capture sink = new Capture();
        AuditLog.builder().sink(sink).build().record(tx, request("/", headers), 200);

        String json = sink.events.get(0).toJson();
        String lines = String.join("\n", sink.lines);
        for (String secret : List.of("secret-session-token", "top-secret-token")) {
            assertFalse(json.contains(secret), json);
            assertFalse(lines.contains(secret), lines);
        }
        assertTrue(lines.contains("[id \"1002\"]") && lines.contains("[id \"1003\"]"), lines);
        assertTrue(lines.contains("(Value: `***' )") && lines.contains("[data \"***\"]"), lines);
        JsonNode node = JSON.readTree(json);
        assertEquals("***", node.at("/request/headers/1/1").asText());
        assertEquals("***", node.at("/request/headers/2/1").asText());
        assertEquals("example.test", node.at("/request/headers/0/1").asText());
    }

    @Test
    void sensitiveArgumentsAreMaskedWhenConfigured() {
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        Transaction tx = run(fw, "/?password=hunter2", List.of());
        Capture plain = new Capture();
        AuditLog.builder().sink(plain).build().record(tx, request("/?password=hunter2", List.of()), 200);
        assertTrue(plain.lines.get(0).contains("hunter2"));
        Capture masked = new Capture();
        AuditLog.builder().sink(masked).sensitiveArguments(Set.of("PassWord")).build()
                .record(tx, request("/?password=hunter2", List.of()), 200);
        assertFalse(masked.lines.get(0).contains("(Value: `hunter2"), masked.lines.get(0));
        assertFalse(masked.events.get(0).rules().get(0).data().contains("hunter2"));
    }

    static Stream<Arguments> policies() {
        // uri, policy, expected sink calls, expected events
        return Stream.of(
                Arguments.of("/", AuditPolicy.RELEVANT, 0, 0),
                Arguments.of("/", AuditPolicy.ALL, 1, 1),
                Arguments.of("/?quiet=1", AuditPolicy.RELEVANT, 0, 0),
                Arguments.of("/?q=attack", AuditPolicy.RELEVANT, 1, 1),
                Arguments.of("/?q=attack", AuditPolicy.OFF, 1, 0));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void policyDecidesWhichTransactionsGetAnEvent(String uri, AuditPolicy policy, int calls, int events) {
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        Transaction tx = run(fw, uri, List.of());
        Capture sink = new Capture();
        AuditLog.builder().sink(sink).policy(policy).build().record(tx, request(uri, List.of()), 200);
        assertEquals(calls, sink.calls);
        assertEquals(events, sink.events.size());
    }

    @Test
    void nonUtf8AndControlBytesStayOnOneAsciiLine() throws Exception {
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        String uri = "/?q=attack\u00ff\n\u00c3\u00a9";
        Transaction tx = run(fw, uri, List.of());
        Capture sink = new Capture();
        AuditLog.builder().sink(sink).build().record(tx, request(uri, List.of()), 403);
        String json = sink.events.get(0).toJson();
        assertFalse(json.contains("\n"));
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), json);
        assertEquals(uri, JSON.readTree(json).at("/request/uri").asText());
    }

    @Test
    void throwingSinkDoesNotFailTheRequest() {
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        Transaction tx = run(fw, "/?q=attack", List.of());
        AuditSink broken = (lines, event) -> {
            throw new IllegalStateException("disk full");
        };
        AuditLog.builder().sink(broken).build().record(tx, request("/?q=attack", List.of()), 403);
    }

    @Test
    void fileSinkWritesErrorLinesBeforeTheEventInOneFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs/audit.log");
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        try (FileAuditSink sink = FileAuditSink.open(file, file)) {
            AuditLog log = AuditLog.builder().sink(sink).build();
            log.record(run(fw, "/?q=attack", List.of()), request("/?q=attack", List.of()), 403);
            log.record(run(fw, "/?q=fine", List.of()), request("/?q=fine", List.of()), 200);
            // visible to a reader before close
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            assertEquals(2, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).startsWith("ModSecurity: Access denied with code 403 (phase 1)."), lines.get(0));
            assertTrue(lines.get(0).contains("[id \"1001\"]"));
            assertEquals(1001, JSON.readTree(lines.get(1)).at("/rules/0/id").asInt());
        }
    }

    @Test
    void fileSinkWithSeparateFiles(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("audit.jsonl");
        Path errors = dir.resolve("error.log");
        Firewall fw = Firewall.builder().directives("rules", RULES).build();
        try (FileAuditSink sink = FileAuditSink.open(events, errors)) {
            AuditLog.builder().sink(sink).build()
                    .record(run(fw, "/?q=attack", List.of()), request("/?q=attack", List.of()), 403);
        }
        assertEquals(1, Files.readAllLines(events).size());
        assertTrue(Files.readString(errors).contains("[id \"1001\"]"));
        assertFalse(Files.readString(events).contains("ModSecurity:"));
    }
}
