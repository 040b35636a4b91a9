package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any request — random bytes in the method, URI, headers and body, any content type — runs through
 * the full CRS and through a rule set touching every variable without an exception. The timeout only
 * guards against hangs.
 */
class TransactionFuzzPropertiesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static Firewall crs;

    /** CRS from ../shared, built once; {@code null} when the shared data is absent. */
    private static synchronized Firewall crs() {
        if (crs == null) {
            String shared = System.getProperty("parapet.shared.dir", "../../shared");
            Path dir = Path.of(shared, "crs-4.28.0");
            if (!Files.isDirectory(dir.resolve("rules"))) {
                return null;
            }
            crs = CrsTestSupport.crs(dir, CrsTestSupport.REGRESSION_SETUP.replace("DetectionOnly", "On")).build();
        }
        return crs;
    }

    record Request(String method, String uri, List<String[]> headers, String contentType, String body) {
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> bytes = Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(60);
        Arbitrary<String> text = Arbitraries.oneOf(bytes, Arbitraries.of("' or 1=1--", "<script>alert(1)</script>",
                "../../etc/passwd", "%00", "%u0041", "${jndi:ldap://x}", ";cat /etc/passwd", "\u00c3\u00a9", "a=b&c",
                "{\"a\":[1,{\"b\":\"' union select\"}]}", "<a b=\"c\">d</a>", "=", "&", "%", "\r\n"));
        Arbitrary<String> method = Arbitraries.oneOf(Arbitraries.of("GET", "POST", "PUT", "OPTIONS", "TRACE", ""), bytes);
        Arbitrary<String> uri = Combinators.combine(Arbitraries.of("/", "/a/b.php", "http://h/x", "", "*", "/%2e%2e/"),
                text, text).as((p, k, v) -> p + "?" + k + "=" + v);
        Arbitrary<String[]> header = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("Host", "User-Agent", "Cookie", "Accept", "Content-Length",
                        "Range", "Referer", "X-Forwarded-For", "Transfer-Encoding"), bytes),
                text).as((n, v) -> new String[] {n, v});
        Arbitrary<String> type = Arbitraries.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
                "application/json", "text/xml", "application/soap+xml", "text/plain", "", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=utf-7");
        Arbitrary<String> body = Arbitraries.oneOf(text, text.list().ofMaxSize(5).map(l -> "--b\r\n"
                + "Content-Disposition: form-data; name=\"f\"; filename=\"" + String.join("", l) + "\"\r\n\r\n"
                + String.join("\r\n", l) + "\r\n--b--\r\n"));
        return Combinators.combine(method, uri, header.list().ofMaxSize(8), type, body).as(Request::new);
    }

    private static void run(Firewall fw, Request r) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Transaction tx = fw.newTransaction()) {
                tx.processConnection("203.0.113.5", 4444, "10.0.0.1", 443);
                tx.processUri(r.method(), r.uri(), "HTTP/1.1");
                for (String[] h : r.headers()) {
                    tx.addRequestHeader(h[0], h[1]);
                }
                if (!r.contentType().isEmpty()) {
                    tx.addRequestHeader("Content-Type", r.contentType());
                }
                tx.processRequestHeaders();
                byte[] b = r.body().getBytes(StandardCharsets.ISO_8859_1);
                tx.appendRequestBody(b, 0, b.length);
                tx.processRequestBody();
                tx.addResponseHeader("Content-Type", "text/html");
                tx.processResponseHeaders(200, "HTTP/1.1");
                tx.appendResponseBody(b, 0, b.length);
                tx.processResponseBody();
                tx.processLogging();
                tx.matchedRules();
            }
        });
    }

    @Property(tries = 300)
    void crsJudgesAnyRequestWithoutThrowing(@ForAll("requests") Request request) {
        Firewall fw = crs();
        Assume.that(fw != null);
        run(fw, request);
    }

    private static final Firewall EVERY_VARIABLE = Exchange.rules(
            "SecRule REQUEST_LINE|REQUEST_URI|REQUEST_FILENAME|REQUEST_BASENAME|QUERY_STRING|ARGS|ARGS_NAMES|"
                    + "REQUEST_HEADERS|REQUEST_HEADERS_NAMES|REQUEST_COOKIES|REQUEST_COOKIES_NAMES|REQUEST_BODY|XML:/*|"
                    + "XML://@*|FILES|FILES_NAMES|MULTIPART_PART_HEADERS|REQBODY_ERROR_MSG|&ARGS|&REQUEST_HEADERS:/./ "
                    + "\"@rx (?i)(a)(b)?\" \"id:1,phase:2,pass,capture,multiMatch,t:urlDecodeUni,t:htmlEntityDecode,"
                    + "t:jsDecode,t:cssDecode,t:base64Decode,t:hexDecode,t:cmdLine,t:normalizePath,t:lowercase,"
                    + "setvar:'tx.%{MATCHED_VAR_NAME}=%{MATCHED_VAR}',msg:'%{TX.0}%{TX.1}%{TX.2}'\"",
            "SecRule RESPONSE_BODY|RESPONSE_HEADERS \"@pm attack a\" \"id:2,phase:4,pass\"");

    @Property(tries = 500)
    void everyVariableAndTransformationCopesWithAnyRequest(@ForAll("requests") Request request) {
        run(EVERY_VARIABLE, request);
    }
}
