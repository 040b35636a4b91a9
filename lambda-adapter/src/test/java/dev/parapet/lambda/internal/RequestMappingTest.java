package dev.parapet.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.parapet.lambda.EventType;
import dev.parapet.lambda.LambdaAuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each fixture maps to, and that the typed and the raw-JSON mappings agree. */
class RequestMappingTest {

    private static final GuardSettings DEFAULTS = new GuardSettings(null, 0, LambdaAuditLog.disabled());

    static byte[] fixture(String name) {
        try (InputStream in = RequestMappingTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping of the typed event, as the Lambda runtime would deserialize it. */
    static HttpRequestData typed(String name) throws MalformedEventException {
        byte[] json = fixture(name);
        ClassLoader loader = RequestMappingTest.class.getClassLoader();
        if (name.startsWith("rest")) {
            return RestAdapter.INSTANCE.request(LambdaEventSerializers.serializerFor(
                    APIGatewayProxyRequestEvent.class, loader).fromJson(new String(json, StandardCharsets.UTF_8)), DEFAULTS);
        }
        if (name.startsWith("alb")) {
            return AlbAdapter.INSTANCE.request(LambdaEventSerializers.serializerFor(
                    ApplicationLoadBalancerRequestEvent.class, loader).fromJson(new String(json, StandardCharsets.UTF_8)),
                    DEFAULTS);
        }
        return HttpApiAdapter.INSTANCE.request(LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, loader).fromJson(new String(json, StandardCharsets.UTF_8)), DEFAULTS);
    }

    static HttpRequestData raw(String name) throws MalformedEventException {
        byte[] json = fixture(name);
        return JsonEvents.request(JsonEvents.parse(json, json.length), DEFAULTS);
    }

    record Expected(String fixture, EventType type, String method, String rawUri, String clientIp, String body,
            String cookie, String contentLength, boolean multiValueHeaders) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                new Expected("rest-get.json", EventType.API_GATEWAY_REST, "GET",
                        "/orders/42?expand=items&tag=red&tag=blue", "198.51.100.7", "", null, null, true),
                new Expected("rest-post-json.json", EventType.API_GATEWAY_REST, "POST", "/orders", "198.51.100.7",
                        "{\"item\":\"book\",\"quantity\":2,\"note\":\"gift wrap, please\"}", null, "55", true),
                new Expected("http-get.json", EventType.API_GATEWAY_HTTP, "GET",
                        "/orders/42?expand=items&tag=red&tag=blue", "203.0.113.25", "",
                        "session=3f9a1c2e7b; theme=dark", "0", false),
                new Expected("function-url-post.json", EventType.API_GATEWAY_HTTP, "POST", "/upload", "192.0.2.44",
                        "{\"file\":\"report.txt\",\"size\":12,\"text\":\"hello world!\"}", null, "53", false),
                new Expected("alb-single.json", EventType.ALB, "GET", "/orders/42?expand=items&q=red%20shoes", "", "",
                        "session=3f9a1c2e7b; theme=dark", null, false),
                new Expected("alb-multi.json", EventType.ALB, "GET", "/orders/42?expand=items&tag=red&tag=blue", "", "",
                        "session=3f9a1c2e7b; theme=dark", null, true))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureMapsToTheRequestTheClientSent(Expected x) throws MalformedEventException {
        for (HttpRequestData r : List.of(typed(x.fixture()), raw(x.fixture()))) {
            assertEquals(x.type(), r.type());
            assertEquals(x.method(), r.method());
            assertEquals(x.rawUri(), r.rawUri());
            assertEquals("HTTP/1.1", r.protocol());
            assertEquals(x.clientIp(), r.clientIp());
            assertEquals(x.body(), new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(x.cookie(), RequestBuilder.find(r.headers(), "cookie"));
            assertEquals(x.contentLength(), RequestBuilder.find(r.headers(), "content-length"));
            assertEquals(x.multiValueHeaders(), r.multiValueHeaders());
            assertTrue(RequestBuilder.find(r.headers(), "host") != null, "every fixture has a Host");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void typedAndRawJsonMappingsAgree(Expected x) throws MalformedEventException {
        HttpRequestData typed = typed(x.fixture());
        HttpRequestData raw = raw(x.fixture());

        assertEquals(typed.rawUri(), raw.rawUri());
        assertEquals(typed.headers(), raw.headers());
        assertArrayEquals(typed.body(), raw.body());
        assertEquals(typed.clientIp(), raw.clientIp());
        assertEquals(typed.serverPort(), raw.serverPort());
    }

    @Test
    void multiValueHeadersKeepEveryValueInOrder() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.ALB).method("GET").path("/")
                .headers(java.util.Map.of("accept", List.of("text/html", "application/json", "*/*")), null)
                .build(DEFAULTS);

        assertEquals(List.of(new Header("accept", "text/html"), new Header("accept", "application/json"),
                new Header("accept", "*/*")), r.headers().subList(0, 3));
    }

    @Test
    void multiValueHeadersWinOverSingleValueHeaders() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_REST).method("GET").path("/")
                .headers(java.util.Map.of("X-A", List.of("1", "2")), java.util.Map.of("X-A", "2"))
                .build(DEFAULTS);

        assertEquals(List.of(new Header("X-A", "1"), new Header("X-A", "2")), r.headers());
    }

    @Test
    void decodedQueryValuesAreEncodedAgain() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_REST).method("GET").path("/s")
                .decodedQuery(java.util.Map.of("q", List.of("a b&c=d%+é#")), null).build(DEFAULTS);

        assertEquals("/s?q=a%20b%26c%3Dd%25%2B%C3%A9%23", r.rawUri());
    }

    @Test
    void rawPathKeepsEscapesButCannotSmuggleAQuery() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_REST).method("GET").path("/a%2Fb/c d?x#y")
                .build(DEFAULTS);

        assertEquals("/a%2Fb/c%20d%3Fx%23y", r.rawUri());
    }

    @Test
    void hostComesFromTheDomainNameWhenTheEventHasNone() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_HTTP).method("GET").path("/")
                .domainName("abc.lambda-url.eu-west-1.on.aws").build(DEFAULTS);

        assertEquals("abc.lambda-url.eu-west-1.on.aws", RequestBuilder.find(r.headers(), "host"));
    }

    @Test
    void contentLengthIsStatedForBodiesButNotAddedNextToTransferEncoding() throws MalformedEventException {
        HttpRequestData chunked = new RequestBuilder(EventType.API_GATEWAY_REST).method("POST").path("/")
                .headers(null, java.util.Map.of("Transfer-Encoding", "chunked")).body("abc", false).build(DEFAULTS);
        HttpRequestData empty = new RequestBuilder(EventType.API_GATEWAY_REST).method("POST").path("/").build(DEFAULTS);

        assertNull(RequestBuilder.find(chunked.headers(), "content-length"));
        assertEquals("0", RequestBuilder.find(empty.headers(), "content-length"));
    }

    @Test
    void contextAddressThatIsNotAnIpIsDropped() throws MalformedEventException {
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_REST).method("GET").path("/")
                .contextClientIp("test-invoke-source-ip").build(DEFAULTS);

        assertEquals("", r.clientIp());
    }

    @Test
    void forwardedAddressIsCountedFromTheRight() throws MalformedEventException {
        GuardSettings oneHop = new GuardSettings("X-Forwarded-For", 1, LambdaAuditLog.disabled());
        HttpRequestData r = new RequestBuilder(EventType.ALB).method("GET").path("/")
                .headers(java.util.Map.of("x-forwarded-for", List.of("6.6.6.6, 203.0.113.9", "10.0.0.1")), null)
                .build(oneHop);

        assertEquals("203.0.113.9", r.clientIp());
    }

    @Test
    void forwardedEntryThatIsNotAnAddressFallsBackToTheContext() throws MalformedEventException {
        GuardSettings header = new GuardSettings("X-Forwarded-For", 0, LambdaAuditLog.disabled());
        HttpRequestData r = new RequestBuilder(EventType.API_GATEWAY_REST).method("GET").path("/")
                .headers(null, java.util.Map.of("X-Forwarded-For", "<script>")).contextClientIp("198.51.100.1")
                .build(header);

        assertEquals("198.51.100.1", r.clientIp());
    }

    @Test
    void functionUrlBodyIsBase64Decoded() throws MalformedEventException {
        HttpRequestData r = raw("function-url-post.json");

        assertFalse(new String(r.body(), StandardCharsets.UTF_8).startsWith("eyJ"));
    }
}
