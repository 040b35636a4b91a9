package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.crs.FtwModel.FtwInput;
import dev.parapet.crs.RawRequest.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RawHttpTest {

    private static FtwInput input(String method, String uri, String version, Map<String, String> headers, String data,
            boolean autocomplete) {
        return new FtwInput("127.0.0.1", 80, null, method, uri, version, headers, data, null, null, null,
                autocomplete, false);
    }

    private static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> builtRequests() {
        return Stream.of(
                Arguments.of("defaults: GET / HTTP/1.1, Connection added, no Content-Length",
                        input(null, null, null, headers("Host", "localhost"), null, true),
                        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("headers sorted by name like go-ftw, form data encoded, CT and CL appended",
                        input("POST", "/post", "HTTP/1.1",
                                headers("User-Agent", "ua", "Host", "localhost"), "var=1234 OR 1=1", true),
                        "POST /post HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ua\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
                                + "Content-Length: 17\r\n\r\nvar=1234+OR+1%3D1"),
                Arguments.of("POST without body still gets Content-Length: 0",
                        input("POST", "/", "HTTP/1.1", headers(), null, true),
                        "POST / HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of("explicit JSON content type is not form-encoded",
                        input("POST", "/", "HTTP/1.1", headers("Content-Type", "application/json"), "{\"a\": 1}", true),
                        "POST / HTTP/1.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                + "Content-Length: 8\r\n\r\n{\"a\": 1}"),
                Arguments.of("autocomplete off: bytes as written, even a lying Content-Length",
                        input("POST", "/", "HTTP/1.1", headers("Content-Length", "3"), "a b c", false),
                        "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\na b c"),
                Arguments.of("multipart bodies get CRLF line ends",
                        input("POST", "/", "HTTP/1.1", headers("Content-Type", "multipart/form-data; boundary=x"),
                                "--x\nA\n--x--\n", true),
                        "POST / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x\r\nConnection: close\r\n"
                                + "Content-Length: 15\r\n\r\n--x\r\nA\r\n--x--\r\n"),
                Arguments.of("odd method and empty version kept verbatim",
                        input("|GET", "/a b", "", headers(), null, true),
                        "|GET /a b \r\nConnection: close\r\n\r\n"),
                Arguments.of("non-ASCII text goes out as UTF-8",
                        input("GET", "/?x=\u00e9", "HTTP/1.1", headers("X", "\u20ac"), null, false),
                        "GET /?x=\u00c3\u00a9 HTTP/1.1\r\nX: \u00e2\u0082\u00ac\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtRequests")
    void buildsTheBytesGoFtwSends(String description, FtwInput input, String expected) {
        assertEquals(expected, FtwRequestBuilder.buildAsByteString(input));
    }

    @Test
    void encodedRequestIsDecodedVerbatimIncludingEmbeddedNewlines() {
        String raw = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        String b64 = java.util.Base64.getEncoder().encodeToString(ByteStrings.utf8(raw));
        String wrapped = b64.substring(0, 10) + "\n" + b64.substring(10);
        FtwInput in = new FtwInput(null, null, null, "POST", null, null, Map.of(), null, null, wrapped, null, true,
                false);
        assertEquals(raw, FtwRequestBuilder.buildAsByteString(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // line | method | uri | protocol | rejected
        "GET /get HTTP/1.1|GET|/get|HTTP/1.1|false",
        "'|GET /get HTTP/1.1'|'|GET'|/get|HTTP/1.1|false",
        "'     GET /get HTTP/1.1'|'     GET'|/get|HTTP/1.1|true",
        "'\tGET /get HTTP/1.1'|'\tGET'|/get|HTTP/1.1|true",
        "GET /|GET|/|HTTP/0.9|false",
        "'GET / '|GET|/|HTTP/0.9|false",
        "POST /|POST|/|HTTP/0.9|true",
        "GET / HTTP\\1.0|GET|/|HTTP\\1.0|true",
        "GET / HTTP/4.0|GET|/|HTTP/4.0|false",
        "GET / JUNK/1.0|GET|/|JUNK/1.0|true",
        "OPTIONS * HTTP/1.1|OPTIONS|*|HTTP/1.1|false",
        "GET|GET|''|HTTP/0.9|true",
    })
    void parsesRequestLinesAsApacheSeesThem(String line, String method, String uri, String protocol,
            boolean rejected) {
        RawRequest r = RawRequestParser.parse(line + "\r\n\r\n");
        assertEquals(line, r.requestLine());
        assertEquals(method, r.method());
        assertEquals(uri, r.uri());
        assertEquals(protocol, r.protocol());
        assertEquals(rejected, !r.rejections().isEmpty(), r.rejections().toString());
    }

    @Test
    void headersKeepOrderCaseAndDuplicatesAndTrimOws() {
        RawRequest r = RawRequestParser.parse("GET / HTTP/1.1\r\nHost:  a \r\ncookie: x=1\r\nCookie: y=2\r\n"
                + "X-Fold: one\r\n  two\r\nEmpty:\r\n\r\n");
        assertEquals(List.of(new Header("Host", "a"), new Header("cookie", "x=1"), new Header("Cookie", "y=2"),
                new Header("X-Fold", "one two"), new Header("Empty", "")), r.headers());
        assertTrue(r.rejections().isEmpty());
    }

    @Test
    void bareLfLineEndingsAndLeadingEmptyLinesAreTolerated() {
        RawRequest r = RawRequestParser.parse("\r\n\nGET /x HTTP/1.0\nA: b\n\n");
        assertEquals("/x", r.uri());
        assertEquals(List.of(new Header("A", "b")), r.headers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // headers | rest | body | rejected
        "Content-Length: 3|abcdef|abc|false",
        "Content-Length: 10|abc|abc|true",
        "Content-Length: x|abc|''|true",
        "''|abc|''|false",
        "Transfer-Encoding: chunked|'3\r\nHi \r\n3\r\nCRS\r\n0\r\n\r\n'|Hi CRS|false",
        "Transfer-Encoding: chunked|'3;ext=1\r\nabc\r\n0\r\n\r\n'|abc|false",
        "Transfer-Encoding: chunked|'zz\r\nabc'|''|true",
        "Transfer-Encoding: chunked|'5\r\nab'|ab|true",
    })
    void bodyFramingFollowsContentLengthOrChunking(String header, String rest, String body, boolean rejected) {
        String head = header.isEmpty() ? "" : header + "\r\n";
        RawRequest r = RawRequestParser.parse("POST / HTTP/1.1\r\n" + head + "\r\n" + rest);
        assertEquals(body, r.body());
        assertEquals(rejected, !r.rejections().isEmpty(), r.rejections().toString());
    }

    @Test
    void chunkedWinsOverContentLength() {
        RawRequest r = RawRequestParser.parse("POST / HTTP/1.1\r\nContent-Length: 7\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n7\r\nfoo=bar\r\n0\r\n\r\n");
        assertEquals("foo=bar", r.body());
    }

    @Test
    void http09LinesHaveNoHeaders() {
        RawRequest r = RawRequestParser.parse("GET / \r\nHost: x\r\n\r\n");
        assertEquals("HTTP/0.9", r.protocol());
        assertTrue(r.headers().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "'\r\n'", "':'", "'GET / HTTP/1.1\r\n: x\r\n'",
        "'GET / HTTP/1.1\r\nno colon\r\n\r\n'", "'GET / HTTP/1.1\r\n folded first\r\n\r\n'"})
    void malformedInputStillParses(String in) {
        RawRequest r = RawRequestParser.parse(in);
        assertFalse(r.rejections().isEmpty());
    }

    @Test
    void hugeInputParsesQuickly() {
        String big = "GET /" + "a".repeat(2_000_000) + " HTTP/1.1\r\n" + "H: v\r\n".repeat(5_000) + "\r\n";
        long start = System.nanoTime();
        RawRequest r = RawRequestParser.parse(big);
        assertEquals(5_000, r.headers().size());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Property(tries = 500)
    void parserNeverThrowsAndOnlyYieldsBytes(@ForAll byte[] bytes) {
        RawRequest r = RawRequestParser.parse(bytes);
        assertTrue((r.method() + r.uri() + r.protocol() + r.body()).chars().allMatch(c -> c <= 0xFF));
    }

    @Property(tries = 300)
    void builtRequestsParseBack(@ForAll("tokens") String method, @ForAll("tokens") String path,
            @ForAll("tokens") String headerValue, @ForAll String data) {
        FtwInput in = input(method, "/" + path, "HTTP/1.1", headers("Host", "h", "X-Test", headerValue), data, true);
        RawRequest r = RawRequestParser.parse(FtwRequestBuilder.build(in));
        assertEquals(method, r.method());
        assertEquals("/" + path, r.uri());
        assertEquals("HTTP/1.1", r.protocol());
        assertEquals(new Header("X-Test", headerValue), r.headers().get(1));
        assertEquals(FtwRequestBuilder.buildAsByteString(in).substring(
                FtwRequestBuilder.buildAsByteString(in).indexOf("\r\n\r\n") + 4), r.body());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> tokens() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
    }
}
