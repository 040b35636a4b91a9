package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parapet.crs.HttpWire;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The application receives exactly the body and request it was sent, through every servlet API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestPassthroughTest {

    FilterServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        server = FilterServer.start(TestRules.firewall(), dir);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static byte[] request(String method, String target, String contentType, byte[] body, boolean chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: test\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
            for (int i = 0; i < body.length; i += 1000) {
                int n = Math.min(1000, body.length - i);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, i, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static byte[] binary(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        for (int i = 0; i < Math.min(256, size); i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static final String BOUNDARY = "----parapet7MA4YWxk";

    static byte[] multipart(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "Grüße & more\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"upload\"; "
                + "filename=\"data.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> bodies() {
        byte[] form = "name=J%C3%B6rg+X&list=1&list=2&empty=&flag".getBytes(StandardCharsets.US_ASCII);
        byte[] json = "{\"user\":\"jörg\",\"ids\":[1,2,3],\"nested\":{\"a\":null}}".getBytes(StandardCharsets.UTF_8);
        byte[] xml = "<?xml version=\"1.0\"?><order><item id=\"1\">tea</item></order>".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("form", "application/x-www-form-urlencoded", form, false),
                Arguments.of("form chunked", "application/x-www-form-urlencoded", form, true),
                Arguments.of("json", "application/json", json, false),
                Arguments.of("json chunked", "application/json;charset=utf-8", json, true),
                Arguments.of("xml", "application/xml", xml, false),
                Arguments.of("binary", "application/octet-stream", binary(12_000, 1), false),
                Arguments.of("binary chunked", "application/octet-stream", binary(15_000, 2), true),
                Arguments.of("binary no type", null, binary(4_000, 3), false),
                Arguments.of("multipart", "multipart/form-data; boundary=" + BOUNDARY, multipart(binary(40_000, 4)),
                        false),
                Arguments.of("multipart chunked", "multipart/form-data; boundary=" + BOUNDARY,
                        multipart(binary(30_000, 5)), true),
                Arguments.of("empty", "text/plain", new byte[0], false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void inputStreamGetsTheExactBody(String name, String type, byte[] body, boolean chunked) {
        HttpWire.Response r = server.send(request("POST", "/echo", type, body, chunked));
        assertEquals(200, r.status(), () -> r.bodyText());
        assertEquals(TestApp.sha256(body), r.header("X-Body-Sha256").orElse(""));
        assertTrue(java.util.Arrays.equals(body, r.body()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json; charset=UTF-8", "application/json",
            "text/plain; charset=utf-8"})
    void readerGetsTheText(String type) {
        String text = "{\"greeting\":\"grüß dich\",\"emoji\":\"\u2603\"}";
        HttpWire.Response r = server.send(request("POST", "/reader", type, text.getBytes(StandardCharsets.UTF_8),
                false));
        assertEquals(200, r.status());
        assertEquals(text, r.bodyText());
    }

    @Test
    void readerWithoutCharsetReadsLatin1() {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        HttpWire.Response r = server.send(request("POST", "/reader", "text/plain", latin1, false));
        assertEquals("caf\u00e9", r.bodyText());
    }

    @Test
    void formParametersComeFromQueryAndBody() throws Exception {
        byte[] form = "name=J%C3%B6rg+X&list=2&empty=&flag&bad=%zz".getBytes(StandardCharsets.US_ASCII);
        for (boolean chunked : new boolean[] {false, true}) {
            HttpWire.Response r = server.send(request("POST", "/params?list=1&q=%41", 
                    "application/x-www-form-urlencoded", form, chunked));
            assertEquals(200, r.status(), r.bodyText());
            JsonNode p = TestApp.JSON.readTree(r.body());
            assertEquals("[\"1\",\"2\"]", p.get("list").toString());
            assertEquals("A", p.at("/q/0").asText());
            assertEquals("Jörg X", p.at("/name/0").asText());
            assertEquals("", p.at("/empty/0").asText());
            assertEquals("", p.at("/flag/0").asText());
            assertEquals("%zz", p.at("/bad/0").asText());
            assertEquals(List.of("list", "q", "name", "empty", "flag", "bad"),
                    names(p.fieldNames()));
        }
    }

    @Test
    void queryParametersOfOtherBodiesComeFromTheContainer() throws Exception {
        HttpWire.Response r = server.send(request("POST", "/params?a=1&b=%C3%A9", "application/json",
                "{\"a\":2}".getBytes(StandardCharsets.US_ASCII), false));
        JsonNode p = TestApp.JSON.readTree(r.body());
        assertEquals("1", p.at("/a/0").asText());
        assertEquals("é", p.at("/b/0").asText());
        assertEquals(2, p.size());
    }

    @Test
    void multipartPartsAndFields() throws Exception {
        byte[] file = binary(20_000, 9);
        for (boolean chunked : new boolean[] {false, true}) {
            HttpWire.Response r = server.send(request("POST", "/parts", "multipart/form-data; boundary=" + BOUNDARY,
                    multipart(file), chunked));
            assertEquals(200, r.status(), r.bodyText());
            JsonNode parts = TestApp.JSON.readTree(r.body());
            assertEquals(2, parts.size());
            assertEquals("title", parts.at("/0/name").asText());
            assertEquals("Grüße & more", parts.at("/0/value").asText());
            assertEquals("upload", parts.at("/1/name").asText());
            assertEquals("data.bin", parts.at("/1/filename").asText());
            assertEquals(file.length, parts.at("/1/size").asInt());
            assertEquals(TestApp.sha256(file), parts.at("/1/sha256").asText());
            assertEquals("application/octet-stream", parts.at("/1/type").asText());
        }
    }

    @Test
    void nonBlockingReadGetsTheBody() {
        byte[] body = binary(10_000, 11);
        HttpWire.Response r = server.send(request("POST", "/nonblocking", "application/octet-stream", body, false));
        assertEquals(200, r.status(), r.bodyText());
        assertEquals(body.length + " " + TestApp.sha256(body), r.bodyText());
    }

    @Test
    void requestLineHeadersAndAddressesReachTheEngineAsSent() throws Exception {
        String raw = "GET /lined/a%20b;x=1?q=%41&r=b+c&&s HTTP/1.1\r\nhost: test\r\nX-First: 1\r\n"
                + "x-MiXeD: Two\r\nX-Raw: caf\u00c3\u00a9 \u00ff\r\nX-First: 3\r\nuser-AGENT: t\r\nConnection: close\r\n\r\n";
        HttpWire.Response r = server.send(raw);
        assertEquals(404, r.status());
        String lines = String.join("\n", server.errorLines());
        assertTrue(lines.contains("[data \"GET /lined/a%20b;x=1?q=%41&r=b+c&&s HTTP/1.1\"]"), lines);
        assertTrue(lines.contains("[data \"caf\\xc3\\xa9 \\xff\"]"), lines);
        JsonNode event = server.events().stream()
                .filter(e -> e.at("/request/uri").asText().startsWith("/lined/")).findFirst().orElseThrow();
        assertEquals("/lined/a%20b;x=1?q=%41&r=b+c&&s", event.at("/request/uri").asText());
        assertEquals("HTTP/1.1", event.at("/request/protocol").asText());
        assertEquals("127.0.0.1", event.at("/client/address").asText());
        assertEquals(server.port, event.at("/server/port").asInt());
        List<String> names = new java.util.ArrayList<>();
        event.at("/request/headers").forEach(h -> names.add(h.get(0).asText() + "=" + h.get(1).asText()));
        // The servlet API groups repeated headers under their first occurrence; Jetty spells the names it knows
        // (Host, User-Agent) its own way and keeps the others as sent; values keep their bytes. The X-Raw value is
        // not valid UTF-8, so the audit log shows it byte by byte.
        assertEquals(List.of("Host=test", "X-First=1", "X-First=3", "x-MiXeD=Two", "X-Raw=caf\u00c3\u00a9 \u00ff",
                "User-Agent=t", "Connection=close"), names);
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
