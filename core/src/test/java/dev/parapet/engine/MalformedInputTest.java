package dev.parapet.engine;

import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken, odd or hostile input gives a verdict, never an exception. */
class MalformedInputTest {

    /** Touches every kind of variable so that malformed input reaches the variable code. */
    private static final Firewall EVERYTHING = rules(
            "SecRule REQUEST_LINE|REQUEST_METHOD|REQUEST_URI|REQUEST_URI_RAW|REQUEST_FILENAME|REQUEST_BASENAME|"
                    + "QUERY_STRING|REQUEST_PROTOCOL|ARGS|ARGS_NAMES|REQUEST_HEADERS|REQUEST_HEADERS_NAMES|"
                    + "REQUEST_COOKIES|REQUEST_COOKIES_NAMES|REMOTE_ADDR|SERVER_NAME \"@rx attack\" "
                    + "\"id:1,phase:1,deny,t:none,t:urlDecodeUni,t:htmlEntityDecode,t:lowercase,t:cmdLine\"",
            "SecRule REQUEST_BODY|ARGS_POST|XML:/*|FILES|REQBODY_ERROR_MSG \"@rx attack\" \"id:2,phase:2,deny\"",
            "SecRule ARGS \"@detectSQLi\" \"id:3,phase:2,pass\"",
            "SecRule ARGS \"@detectXSS\" \"id:4,phase:2,pass\"",
            "SecRule RESPONSE_HEADERS|RESPONSE_STATUS|RESPONSE_BODY \"@rx attack\" \"id:5,phase:4,deny\"");

    @Test
    void nullsEverywhereAreTreatedAsEmpty() {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processConnection(null, -1, null, 70000);
        tx.processUri(null, null, null);
        tx.addRequestHeader(null, "x");
        tx.addRequestHeader("X-Null", null);
        tx.addRequestHeader("Cookie", null);
        tx.addRequestHeader("Host", null);
        tx.addRequestHeader("Content-Type", null);
        assertEquals(Optional.empty(), tx.processRequestHeaders());
        tx.appendRequestBody(new byte[0], 0, 0);
        tx.appendRequestBody(new byte[4], 0, -3);
        assertEquals(Optional.empty(), tx.processRequestBody());
        tx.addResponseHeader(null, null);
        tx.addResponseHeader("Content-Type", null);
        assertEquals(Optional.empty(), tx.processResponseHeaders(0, null));
        tx.appendResponseBody(new byte[0], 0, 0);
        assertEquals(Optional.empty(), tx.processResponseBody());
        tx.processLogging();
        tx.close();
    }

    static Stream<String> weirdMethods() {
        return Stream.of("", " ", "G E T", "get", "\u0000", "\u00ff\u00fe", "CONNECT", "X".repeat(10_000),
                "GET /injected HTTP/1.1\r\nHost: x", "%47ET");
    }

    @ParameterizedTest
    @MethodSource("weirdMethods")
    void weirdMethods(String method) {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processUri(method, "/", "HTTP/1.1");
        tx.processRequestHeaders();
        tx.processLogging();
        assertTrue(tx.interruption().isEmpty());
    }

    static Stream<String> weirdUris() {
        return Stream.of("", "?", "#", "%", "%%", "%2", "%zz", "//", "///a//b", "http://", "http://?", "http:///x",
                "://x", "http:", "javascript:alert(1)", "/?&&&=&=", "/?=", "/?a", "/?a=%", "/?%u0041=%u",
                "/\u0000?\u0000=\u0000", "/\u00e9\u00ff", "/a/../../b", "*", "example.com:443",
                "/?" + "a=1&".repeat(5000), "/" + "%41".repeat(20000));
    }

    @ParameterizedTest
    @MethodSource("weirdUris")
    void weirdUris(String uri) {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processUri("GET", uri, "HTTP/1.1");
        assertEquals(Optional.empty(), tx.processRequestHeaders());
        tx.processLogging();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HTTP/0.9", "HTTP/2.0", "HTTP/1.1\r\n", "bogus"})
    void weirdProtocols(String protocol) {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processUri("GET", "/", protocol);
        tx.processRequestHeaders();
        tx.processResponseHeaders(200, protocol);
        tx.processLogging();
        assertTrue(tx.interruption().isEmpty());
    }

    @Test
    void hugeHeadersAndManyHeadersStillDetect() {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processUri("GET", "/", "HTTP/1.1");
        tx.addRequestHeader("X-Big", "a".repeat(1 << 20));
        for (int i = 0; i < 5_000; i++) {
            tx.addRequestHeader("X-H" + i, "v" + i);
        }
        tx.addRequestHeader("Cookie", "c=1;".repeat(10_000));
        tx.addRequestHeader("X-Last", "an attack");
        assertEquals(1, tx.processRequestHeaders().orElseThrow().ruleId());
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("application/x-www-form-urlencoded", "&&&==%%%=%zz&a"),
                Arguments.of("application/x-www-form-urlencoded; charset=x", "\u0000\u00ff"),
                Arguments.of("multipart/form-data", "--nobound"),
                Arguments.of("multipart/form-data; boundary=", "--\r\n\r\n"),
                Arguments.of("multipart/form-data; boundary=\"unterminated", "--x"),
                Arguments.of("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--b"),
                Arguments.of("multipart/form-data; boundary=b", "--b\r\n" + "X: y\r\n".repeat(1000) + "\r\n--b--"),
                Arguments.of("application/json", "\u00ff\u00fe{"),
                Arguments.of("application/json", "[".repeat(64)),
                Arguments.of("application/json", "{\"a\":\"\\ud800\"}"),
                Arguments.of("text/xml", "<?xml version=\"1.0\" encoding=\"bogus\"?><a/>"),
                Arguments.of("text/xml", "<a xmlns:x=\"u\"><x:b x:c=\"1\">\u00e9</x:b>"),
                Arguments.of("application/xml",
                        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><a>&lol2;</a>"),
                Arguments.of("text/plain", "whatever"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformedBodiesGiveAVerdict(String type, String body) {
        Transaction tx = EVERYTHING.newTransaction();
        tx.processUri("POST", "/", "HTTP/1.1");
        tx.addRequestHeader("Content-Type", type);
        tx.processRequestHeaders();
        byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
        tx.appendRequestBody(b, 0, b.length);
        tx.processRequestBody();
        tx.processLogging();
        assertTrue(tx.interruption().isEmpty() || tx.interruption().get().ruleId() == 2, () -> "" + ids(tx));
    }

    @Test
    void deeplyNestedJsonIsBounded() {
        Firewall fw = rules("SecRule REQBODY_ERROR \"@eq 1\" \"id:1,phase:2,deny,status:400\"");
        Transaction tx = fw.newTransaction();
        tx.processUri("POST", "/", "HTTP/1.1");
        tx.addRequestHeader("Content-Type", "application/json");
        tx.processRequestHeaders();
        byte[] b = "[".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1);
        tx.appendRequestBody(b, 0, b.length);
        assertEquals(400, tx.processRequestBody().orElseThrow().status());
    }

    @Test
    void manyArgumentsAreBoundedBySecArgumentsLimit() {
        Firewall fw = rules("SecArgumentsLimit 10",
                "SecRule &ARGS_POST \"@gt 10\" \"id:1,phase:2,pass\"",
                "SecRule REQBODY_ERROR \"@eq 1\" \"id:2,phase:2,pass\"");
        Transaction tx = Exchange.post("/", "application/x-www-form-urlencoded", "a=1&".repeat(100)).all(fw);
        assertEquals(List.of(2), ids(tx));
    }

    @Test
    void responseStepsBeforeRequestStepsAreSafe() {
        Transaction tx = EVERYTHING.newTransaction();
        tx.addResponseHeader("Content-Type", "text/html");
        byte[] page = "attack".getBytes(StandardCharsets.ISO_8859_1);
        tx.appendResponseBody(page, 0, page.length);
        tx.processResponseBody();
        tx.processLogging();
        assertEquals(List.of(), ids(tx));
    }
}
