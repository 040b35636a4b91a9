package dev.parapet.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.crs.HttpWire;
import dev.parapet.seclang.SecLangException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** The demo with its default rules, over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    DemoServer demo;
    Path audit;

    @BeforeAll
    void start(@TempDir Path dir) {
        audit = dir.resolve("audit.log");
        demo = DemoServer.start(new DemoOptions("127.0.0.1", 0, null, List.of(), List.of(), List.of(), false, audit,
                null, 5000, false));
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    HttpWire.Response send(String raw) {
        return HttpWire.exchange("127.0.0.1", demo.port(), raw.getBytes(StandardCharsets.UTF_8), 10_000);
    }

    static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers)
                + "Connection: close\r\n\r\n";
    }

    static String post(String target, String type, String body) {
        return post(target, "User-Agent: test\r\n", type, body);
    }

    static String post(String target, String headers, String type, String body) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Content-Type: " + type
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body;
    }

    static Stream<Arguments> requests() {
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nnice\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello file\r\n--" + boundary + "--\r\n";
        String ua = "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0\r\n";
        return Stream.of(
                // request, expected status, tag of a logged rule that explains a block (null: passes)
                Arguments.of(get("/", ua), 200, null),
                Arguments.of(get("/anything/else?x=1", ua), 200, null),
                Arguments.of(get("/get?q=hello", ua), 200, null),
                Arguments.of(get("/get?id=1%27%20OR%20%271%27=%271", ua), 403, "attack-sqli"),
                Arguments.of(get("/get?q=%3Cscript%3Ealert(1)%3C/script%3E", ua), 403, "attack-xss"),
                Arguments.of(get("/get?file=../../../etc/passwd", ua), 403, "attack-lfi"),
                Arguments.of(get("/get?host=127.0.0.1;cat%20/etc/passwd", ua), 403, "attack-rce"),
                Arguments.of(get("/get", "User-Agent: sqlmap/1.7\r\n"), 403, "attack-reputation-scanner"),
                Arguments.of(post("/post", ua, "application/x-www-form-urlencoded", "name=value&other=2"), 200, null),
                Arguments.of(post("/post", ua, "application/json", "{\"name\":\"value\"}"), 200, null),
                Arguments.of(post("/post", ua, "application/json", "{\"name\":\"1' or '1'='1\"}"), 403,
                        "attack-sqli"),
                Arguments.of(post("/upload", ua, "multipart/form-data; boundary=" + boundary, multipart), 200, null),
                Arguments.of(post("/reflect", ua, "application/json", "{\"status\":201,\"body\":\"made\"}"), 201,
                        null));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void bundledRules(String request, int status, String tag) throws Exception {
        HttpWire.Response r = send(request);
        assertEquals(status, r.status(), r::bodyText);
        if (tag != null) {
            String page = r.bodyText();
            String id = page.substring(page.indexOf("<code>") + 6, page.indexOf("</code>"));
            JsonNode event = Files.readAllLines(audit).stream().filter(l -> l.startsWith("{")).map(this::json)
                    .filter(e -> e.get("transaction_id").asText().equals(id)).findFirst().orElseThrow();
            assertEquals("blocked", event.get("verdict").asText());
            assertTrue(event.at("/interruption/rule_id").asInt() >= 440000
                    && event.at("/interruption/rule_id").asInt() <= 449999, event::toString);
            List<String> tags = new java.util.ArrayList<>();
            event.get("rules").forEach(rule -> rule.get("tags").forEach(t -> tags.add(t.asText())));
            assertTrue(tags.contains(tag), () -> tag + " not among " + tags);
            assertTrue(event.at("/anomaly_scores/parapet_blocking_inbound_anomaly_score").asInt() > 0,
                    event::toString);
        }
    }

    @Test
    void malformedJsonIsRefused() {
        HttpWire.Response r = send(post("/post", "User-Agent: t\r\n", "application/json", "{\"broken\":"));
        assertEquals(400, r.status(), r::bodyText);
    }

    private JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void endpointsDescribeTheRequest() throws Exception {
        JsonNode get = JSON.readTree(send(get("/get?a=1&a=2&b=x")).body());
        assertEquals("GET", get.get("method").asText());
        assertEquals("[\"1\",\"2\"]", get.at("/args/a").toString());
        assertTrue(get.hasNonNull("transaction_id"));
        JsonNode post = JSON.readTree(send(post("/post", "application/json", "{\"k\":[1,2]}")).body());
        assertEquals(2, post.at("/json/k/1").asInt());
        JsonNode form = JSON.readTree(send(post("/post", "application/x-www-form-urlencoded", "k=v+w")).body());
        assertEquals("v w", form.at("/form/k/0").asText());
    }

    @Test
    void reflectAnswersAsAsked() {
        HttpWire.Response r = send(post("/reflect", "application/json",
                "{\"status\":418,\"headers\":{\"X-Reflected\":\"yes\",\"Content-Type\":\"text/plain\"},"
                        + "\"encodedBody\":\"aGVsbG8gd29ybGQ=\"}"));
        assertEquals(418, r.status());
        assertEquals("yes", r.header("X-Reflected").orElse(""));
        assertEquals("hello world", r.bodyText());
        assertEquals(400, send(post("/reflect", "application/json", "[1,2]")).status());
        assertEquals(400, send(post("/reflect", "application/json", "{\"status\":42}")).status());
    }

    @Test
    void errorLinesAndEventsShareTheAuditFileForGoFtw() throws Exception {
        HttpWire.Response r = send(get("/get?id=1%27%20OR%20%271%27=%271", "X-CRS-Test: marker-1\r\n"));
        assertEquals(403, r.status());
        List<String> lines = Files.readAllLines(audit);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("marker-1")) {
                at = i;
            }
        }
        assertTrue(at > 0, "event found");
        // The transaction's error lines come right before its event; go-ftw reads ids from both forms.
        assertTrue(lines.get(at).startsWith("{"), lines.get(at));
        JsonNode event = json(lines.get(at));
        int blockedBy = event.at("/interruption/rule_id").asInt();
        assertTrue(lines.get(at).contains("\"id\":" + blockedBy), lines.get(at));
        String tx = event.get("transaction_id").asText();
        List<String> own = new java.util.ArrayList<>();
        for (int i = at - 1; i >= 0 && lines.get(i).contains("[unique_id \"" + tx + "\"]"); i--) {
            own.add(lines.get(i));
        }
        assertTrue(own.stream().anyMatch(l -> l.contains("[id \"" + blockedBy + "\"]")), () -> String.join("\n", own));
    }

    @Test
    void brokenRuleFilesAreReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "SecRule ARGS \"@rx a\" \"id:1,phase:2,pass\"\nSecRule ARGS \"@nope x\" \"id:2\"\n");
        DemoOptions options = new DemoOptions("127.0.0.1", 0, null, List.of(bad), List.of(), List.of(), false, null,
                null, 1000, false);
        SecLangException e = assertThrows(SecLangException.class, () -> DemoServer.firewall(options));
        assertTrue(e.getMessage().contains("bad.conf:2"), e.getMessage());
        DemoOptions missing = new DemoOptions("127.0.0.1", 0, dir.resolve("no-crs"), List.of(), List.of(),
                List.of(), false, null, null, 1000, false);
        assertThrows(IllegalArgumentException.class, () -> DemoServer.firewall(missing));
    }
}
