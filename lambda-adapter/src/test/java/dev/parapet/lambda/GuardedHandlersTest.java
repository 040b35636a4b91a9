package dev.parapet.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.lambda.Harness.App;
import dev.parapet.lambda.Harness.Form;
import dev.parapet.lambda.Harness.Result;
import dev.parapet.seclang.SecLangException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event shape, typed and as a raw stream, against a small inline rule set (no CRS needed). */
class GuardedHandlersTest {

    private static final Firewall FIREWALL = InlineRules.firewall();

    private static LambdaGuard.Builder guard() {
        return LambdaGuard.builder(FIREWALL);
    }

    static Stream<Arguments> kindsAndForms() {
        List<Arguments> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Form form : Form.values()) {
                out.add(Arguments.of(kind, form));
            }
        }
        return out.stream();
    }

    /* ------------------------------- allowed ------------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void benignEventReachesTheHandlerAndItsResponseIsReturnedUnchanged(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.event(), guard(), App.ok());

        assertTrue(r.handlerCalled());
        assertEquals(200, r.status());
        assertEquals("ok", r.body());
        assertEquals("text/plain", r.header("content-type"));
        assertEquals(List.of(), r.audit(), "nothing matched, so RelevantOnly writes nothing");
    }

    /* ------------------------------- attacks ------------------------------- */

    record Placement(String name, int ruleId, BiFunction<Kind, ObjectNode, ObjectNode> place) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Placement> PLACEMENTS = List.of(
            new Placement("path", 1001, (k, e) -> k.path(e, "/static/..%2f..%2fetc/passwd")),
            new Placement("query", 1002, (k, e) -> k.query(e, "search", "<script>alert(1)</script>")),
            new Placement("header", 1003, (k, e) -> k.header(e, "X-Attack", "yes")),
            new Placement("cookie", 1004, (k, e) -> k.cookie(e, "pref=evil")),
            new Placement("json body", 1002, (k, e) -> k.body(e, "POST", "application/json",
                    "{\"order\":{\"comment\":\"<script>alert(1)</script>\"}}", false)),
            new Placement("base64 json body", 1002, (k, e) -> k.body(e, "POST", "application/json",
                    "{\"comment\":\"<script>alert(1)</script>\"}", true)),
            new Placement("base64 form body", 1002, (k, e) -> k.body(e, "POST",
                    "application/x-www-form-urlencoded", "comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E", true)),
            new Placement("non-ASCII header", 1012, (k, e) -> k.header(e, "X-Unicode", "l'été indien")),
            new Placement("decoded query value", 1011, (k, e) -> k.query(e, "q", "a b&c=d%")));

    static Stream<Arguments> attacks() {
        List<Arguments> out = new ArrayList<>();
        for (Placement p : PLACEMENTS) {
            for (Kind kind : Kind.values()) {
                for (Form form : Form.values()) {
                    out.add(Arguments.of(p, kind, form));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1} {2}")
    @MethodSource("attacks")
    void attackIsBlockedBeforeTheHandlerRuns(Placement placement, Kind kind, Form form) {
        Result r = Harness.run(kind, form, placement.place().apply(kind, kind.event()), guard(), App.ok());

        assertFalse(r.handlerCalled(), "the wrapped handler must not run");
        assertEquals(403, r.status());
        assertBlockedBody(r, 403, "Forbidden");
        assertFalse(r.body().contains("script") || r.body().contains("evil") || r.body().contains("passwd"),
                "nothing from the request is echoed: " + r.body());
        assertEquals(1, r.audit().size());
        JsonNode audit = r.audit().get(0);
        assertEquals("BLOCKED", audit.path("outcome").asText());
        assertEquals(placement.ruleId(), audit.path("rule_id").asInt());
        assertEquals(Harness.REQUEST_ID, audit.path("aws_request_id").asText());
        assertEquals(Harness.REQUEST_ID, audit.path("transaction_id").asText());
        assertEquals(403, audit.path("status").asInt());
    }

    static void assertBlockedBody(Result r, int status, String error) {
        assertEquals("application/json", r.header("content-type"));
        assertEquals("no-store", r.header("cache-control"));
        JsonNode body = r.bodyJson();
        assertEquals(Set.of("status", "error", "transactionId"), fieldNames(body));
        assertEquals(status, body.path("status").asInt());
        assertEquals(error, body.path("error").asText());
        assertEquals(Harness.REQUEST_ID, body.path("transactionId").asText());
        assertFalse(r.response().path("isBase64Encoded").asBoolean());
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /* --------------------------- blocked response shape --------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void blockedResponseHasTheEventsOwnResponseShape(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.header(kind.event(), "X-Attack", "yes"), guard(), App.ok());

        JsonNode response = r.response();
        assertEquals(403, response.path("statusCode").asInt());
        assertTrue(response.path("body").isTextual());
        if (kind.isAlb()) {
            assertEquals("403 Forbidden", response.path("statusDescription").asText());
        } else {
            assertTrue(response.path("statusDescription").isMissingNode());
        }
        if (kind == Kind.ALB_MULTI) {
            // A target group with multi-value headers on reads only multiValueHeaders.
            assertEquals("application/json", response.path("multiValueHeaders").path("content-type").get(0).asText());
            assertTrue(response.path("headers").isMissingNode() || response.path("headers").isNull());
        } else {
            assertEquals("application/json", response.path("headers").path("content-type").asText());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void ruleStatusAndStatusDescriptionFollowTheInterruption(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.method(kind.event(), "DELETE"), guard(), App.ok());

        assertEquals(405, r.status());
        assertBlockedBody(r, 405, "Method Not Allowed");
        if (kind.isAlb()) {
            assertEquals("405 Method Not Allowed", r.response().path("statusDescription").asText());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void redirectActionAnswersWithLocation(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.query(kind.event(), "redirect", "1"), guard(), App.ok());

        assertFalse(r.handlerCalled());
        assertEquals(302, r.status());
        assertEquals("https://example.com/blocked", r.header("location"));
    }

    /* ------------------------------- response phases ------------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void responseBodyLeakIsReplacedByABlock(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.event(), guard(), App.text("text/plain", "token SECRET-LEAK here"));

        assertTrue(r.handlerCalled());
        assertEquals(403, r.status());
        assertBlockedBody(r, 403, "Forbidden");
        assertFalse(r.body().contains("SECRET-LEAK"));
        JsonNode audit = r.audit().get(0);
        assertEquals(1005, audit.path("rule_id").asInt());
        assertEquals(4, audit.path("phase").asInt());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void base64ResponseBodyIsDecodedForInspection(Kind kind, Form form) {
        App leaking = new App(200, "text/plain", "token SECRET-LEAK here", true);
        Result r = Harness.run(kind, form, kind.event(), guard(), leaking);

        assertEquals(403, r.status());
        assertEquals(1005, r.audit().get(0).path("rule_id").asInt());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void responseOfANonInspectedTypeIsPassedOn(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.event(), guard(), App.text("image/png", "SECRET-LEAK"));

        assertEquals(200, r.status());
        assertEquals("SECRET-LEAK", r.body());
    }

    /* ------------------------------- multi-value parts ------------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("multiValueKinds")
    void everyValueOfAMultiValueHeaderIsInspected(Kind kind, Form form) {
        ObjectNode e = kind.header(kind.header(kind.event(), "X-Multi", "first"), "X-Multi", "second");

        Result r = Harness.run(kind, form, e, guard(), App.ok());

        assertEquals(403, r.status());
        assertEquals(1006, r.audit().get(0).path("rule_id").asInt());
    }

    static Stream<Arguments> multiValueKinds() {
        return kindsAndForms().filter(a -> a.get()[0] == Kind.REST || a.get()[0] == Kind.ALB_MULTI);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void everyValueOfARepeatedQueryParameterIsInspected(Kind kind, Form form) {
        if (kind == Kind.ALB_SINGLE) {
            return; // a single-value target group passes only one value per name
        }
        ObjectNode e = kind.query(kind.query(kind.event(), "tag", "green"), "tag", "evil");

        Result r = Harness.run(kind, form, e, guard(), App.ok());

        assertEquals(403, r.status());
        assertEquals(1009, r.audit().get(0).path("rule_id").asInt());
    }

    /* ------------------------------- client address ------------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void spoofedForwardedForIsIgnoredByDefault(Kind kind, Form form) {
        ObjectNode e = kind.removeHeader(kind.event(), "X-Forwarded-For");
        kind.header(e, "X-Forwarded-For", "192.0.2.200");

        Result r = Harness.run(kind, form, e, guard(), App.ok());

        assertEquals(200, r.status());
    }

    @Test
    void restClientAddressComesFromTheRequestContext() {
        ObjectNode e = Kind.REST.event();
        ((ObjectNode) e.path("requestContext").path("identity")).put("sourceIp", "192.0.2.200");

        Result r = Harness.run(Kind.REST, Form.TYPED, e, guard(), App.ok());

        assertEquals(403, r.status());
        assertEquals("192.0.2.200", r.audit().get(0).path("client_ip").asText());
    }

    @Test
    void httpApiClientAddressComesFromTheRequestContext() {
        ObjectNode e = Kind.HTTP_API.event();
        ((ObjectNode) e.path("requestContext").path("http")).put("sourceIp", "192.0.2.200");

        Result r = Harness.run(Kind.HTTP_API, Form.STREAM, e, guard(), App.ok());

        assertEquals(403, r.status());
    }

    @ParameterizedTest(name = "hops={0} -> {1}")
    @MethodSource("forwardedHops")
    void albClientAddressIsReadFromTheRightOfForwardedForWhenConfigured(int hops, int status, String ip) {
        // alb-multi.json: "x-forwarded-for": ["192.0.2.200, 198.51.100.90"]
        for (Form form : Form.values()) {
            Result r = Harness.run(Kind.ALB_MULTI, form, Kind.ALB_MULTI.header(Kind.ALB_MULTI.event(), "X-Attack", "no"),
                    guard().clientIpHeader("X-Forwarded-For", hops), App.ok());
            assertEquals(status, r.status(), form.name());
        }
        Result r = Harness.run(Kind.ALB_MULTI, Form.TYPED,
                Kind.ALB_MULTI.header(Kind.ALB_MULTI.event(), "X-Attack", "yes"),
                guard().clientIpHeader("X-Forwarded-For", hops), App.ok());
        assertEquals(ip, r.audit().get(0).path("client_ip").asText());
    }

    static Stream<Arguments> forwardedHops() {
        return Stream.of(
                Arguments.of(0, 200, "198.51.100.90"),
                Arguments.of(1, 403, "192.0.2.200"),
                Arguments.of(2, 200, ""));
    }

    @Test
    void albWithoutConfiguredHeaderHasNoClientAddress() {
        Result r = Harness.run(Kind.ALB_SINGLE, Form.TYPED, Kind.ALB_SINGLE.header(Kind.ALB_SINGLE.event(),
                "X-Attack", "yes"), guard(), App.ok());

        assertEquals("", r.audit().get(0).path("client_ip").asText());
    }

    /* ------------------------------- malformed events ------------------------------- */

    record Breakage(String name, Kind kind, java.util.function.UnaryOperator<ObjectNode> breakIt, String detail) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static Stream<Arguments> malformedEvents() {
        List<Breakage> cases = List.of(
                new Breakage("missing httpMethod", Kind.REST, e -> remove(e, "httpMethod"), "missing HTTP method"),
                new Breakage("missing path", Kind.REST, e -> remove(e, "path"), "missing path"),
                new Breakage("invalid base64", Kind.REST, e -> base64(e, "not base64!!"), "base64"),
                new Breakage("method with spaces", Kind.REST, e -> e.put("httpMethod", "GET /x"), "invalid HTTP method"),
                new Breakage("missing requestContext.http", Kind.HTTP_API, e -> {
                    remove((ObjectNode) e.path("requestContext"), "http");
                    return e;
                }, "missing requestContext.http"),
                new Breakage("missing rawPath and http.path", Kind.HTTP_API, e -> {
                    remove((ObjectNode) e.path("requestContext").path("http"), "path");
                    return remove(e, "rawPath");
                }, "missing path"),
                new Breakage("invalid base64", Kind.FUNCTION_URL, e -> base64(e, "e30=%%%"), "base64"),
                new Breakage("missing httpMethod", Kind.ALB_SINGLE, e -> remove(e, "httpMethod"), "missing HTTP method"),
                new Breakage("invalid base64", Kind.ALB_MULTI, e -> base64(e, "@@@@"), "base64"));
        List<Arguments> out = new ArrayList<>();
        for (Breakage b : cases) {
            for (Form form : Form.values()) {
                out.add(Arguments.of(b, form));
            }
        }
        return out.stream();
    }

    private static ObjectNode remove(ObjectNode e, String field) {
        e.remove(field);
        return e;
    }

    private static ObjectNode base64(ObjectNode e, String body) {
        e.put("body", body);
        e.put("isBase64Encoded", true);
        return e;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedEvents")
    void malformedEventGetsA400InsteadOfAnException(Breakage b, Form form) {
        Result r = Harness.run(b.kind(), form, b.breakIt().apply(b.kind().event()), guard(), App.ok());

        assertFalse(r.handlerCalled());
        assertEquals(400, r.status());
        JsonNode body = r.bodyJson();
        assertEquals(400, body.path("status").asInt());
        assertEquals("Bad Request", body.path("error").asText());
        assertTrue(body.path("detail").asText().contains(b.detail()), body.toString());
        assertEquals(Harness.REQUEST_ID, body.path("transactionId").asText());
        assertEquals("MALFORMED", r.audit().get(0).path("outcome").asText());
    }

    static Stream<Arguments> brokenStreams() {
        return Stream.of(
                Arguments.of("not JSON", "{\"httpMethod\": GET", "not valid JSON"),
                Arguments.of("empty input", "", "not valid JSON"),
                Arguments.of("JSON array", "[1,2,3]", "not a JSON object"),
                Arguments.of("trailing garbage", "{\"httpMethod\":\"GET\",\"path\":\"/\"} x", "not valid JSON"),
                Arguments.of("unknown event", "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}", "not an API Gateway"),
                Arguments.of("headers not an object", "{\"httpMethod\":\"GET\",\"path\":\"/\",\"headers\":\"x\"}",
                        "headers must be an object"),
                Arguments.of("header value not a string",
                        "{\"httpMethod\":\"GET\",\"path\":\"/\",\"headers\":{\"a\":{\"b\":1}}}", "headers values"),
                Arguments.of("multi-value header not an array",
                        "{\"httpMethod\":\"GET\",\"path\":\"/\",\"multiValueHeaders\":{\"a\":\"b\"}}", "arrays of strings"),
                Arguments.of("isBase64Encoded not a boolean",
                        "{\"httpMethod\":\"GET\",\"path\":\"/\",\"body\":\"x\",\"isBase64Encoded\":\"yes\"}", "boolean"),
                Arguments.of("deeply nested", "{\"httpMethod\":\"GET\",\"path\":\"/\",\"x\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStreams")
    void brokenRawEventGetsA400(String name, String json, String detail) {
        ByteArrayOutputStream audit = new ByteArrayOutputStream();
        boolean[] called = {false};
        var handler = guard().auditLog(LambdaAuditLog.jsonLines(audit)).build()
                .stream((in, out, c) -> called[0] = true);

        byte[] out = Harness.invokeStream(handler, json.getBytes(StandardCharsets.UTF_8), new TestContext(Harness.REQUEST_ID));

        JsonNode response = Harness.read(out);
        assertFalse(called[0]);
        assertEquals(400, response.path("statusCode").asInt());
        JsonNode body = Harness.read(response.path("body").asText().getBytes(StandardCharsets.UTF_8));
        assertTrue(body.path("detail").asText().contains(detail), body.toString());
        assertEquals("MALFORMED", Harness.auditLines(audit).get(0).path("outcome").asText());
    }

    @Test
    void nullTypedEventGetsA400() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = guard()
                .auditLog(LambdaAuditLog.disabled()).build()
                .apiGatewayRest((e, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200));

        APIGatewayProxyResponseEvent response = h.handleRequest(null, new TestContext(Harness.REQUEST_ID));

        assertEquals(400, response.getStatusCode());
    }

    @Test
    void eventThatFailsToReadGetsA400() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = guard()
                .auditLog(LambdaAuditLog.disabled()).build()
                .apiGatewayRest((e, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200));
        APIGatewayProxyRequestEvent unreadable = new APIGatewayProxyRequestEvent() {
            @Override
            public String getPath() {
                throw new IllegalStateException("broken getter");
            }
        };

        APIGatewayProxyResponseEvent response = h.handleRequest(unreadable, new TestContext(Harness.REQUEST_ID));

        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("event could not be read"));
    }

    @Test
    void oversizedRawEventGetsA413() {
        byte[] big = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        var handler = guard().build().stream((in, out, c) -> {
            throw new AssertionError("must not run");
        });

        JsonNode response = Harness.read(Harness.invokeStream(handler, big, new TestContext(Harness.REQUEST_ID)));

        assertEquals(413, response.path("statusCode").asInt());
    }

    /* ------------------------------- failures ------------------------------- */

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void rulesThatDoNotCompileFailClosedWith503(Kind kind, Form form) {
        FirewallHolder broken = FirewallHolder.lazy(() -> Firewall.builder()
                .directives("broken", "SecRule ARGS \"@noSuchOperator x\" \"id:1,deny\"").build());

        Result r = Harness.run(kind, form, kind.event(), LambdaGuard.builder(broken), App.ok());

        assertFalse(r.handlerCalled());
        assertEquals(503, r.status());
        assertEquals("FAILED", r.audit().get(0).path("outcome").asText());
        assertThrows(IllegalStateException.class, broken::get);
    }

    @Test
    void handlerExceptionsPassThroughUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = guard()
                .auditLog(LambdaAuditLog.disabled()).build()
                .apiGatewayRest((e, c) -> {
                    throw boom;
                });
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> h.handleRequest(event, new TestContext(Harness.REQUEST_ID)));
        assertEquals(boom, thrown);
    }

    @Test
    void nullHandlerResponseIsReturnedAsNull() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = guard()
                .auditLog(LambdaAuditLog.disabled()).build().apiGatewayRest((e, c) -> null);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/");

        assertNull(h.handleRequest(event, new TestContext(Harness.REQUEST_ID)));
    }

    @Test
    void auditLogFailureDoesNotAffectTheResponse() {
        LambdaGuard.Builder failingAudit = guard();
        ObjectNode e = Kind.REST.header(Kind.REST.event(), "X-Attack", "yes");
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = failingAudit
                .auditLog(record -> {
                    throw new IllegalStateException("disk full");
                }).build()
                .apiGatewayRest((ev, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200));

        byte[] out = Harness.roundTrip(APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class,
                Harness.bytes(e), h, new TestContext(Harness.REQUEST_ID));

        assertEquals(403, Harness.read(out).path("statusCode").asInt());
    }

    /* ------------------------------- audit ------------------------------- */

    @Test
    void matchedCookieValuesAreRedactedInTheAuditLog() {
        Result r = Harness.run(Kind.HTTP_API, Form.TYPED, Kind.HTTP_API.cookie(Kind.HTTP_API.event(), "pref=evil-secret"),
                guard(), App.ok());

        JsonNode rule = r.audit().get(0).path("rules").get(0);
        assertEquals(1004, rule.path("id").asInt());
        assertEquals("REQUEST_COOKIES:pref", rule.path("variable").asText());
        assertEquals("[redacted: REQUEST_COOKIES:pref]", rule.path("data").asText());
        assertFalse(r.audit().get(0).toString().contains("evil-secret"));
    }

    @Test
    void passingRuleThatLogsStillWritesAnAuditRecord() {
        Result r = Harness.run(Kind.REST, Form.TYPED, Kind.REST.query(Kind.REST.event(), "secret", "letmein"), guard(),
                App.ok());

        assertEquals(200, r.status());
        JsonNode audit = r.audit().get(0);
        assertEquals("ALLOWED", audit.path("outcome").asText());
        assertEquals(200, audit.path("status").asInt());
        assertEquals(1014, audit.path("rules").get(0).path("id").asInt());
        assertEquals("GET", audit.path("method").asText());
        assertEquals("API_GATEWAY_REST", audit.path("event_type").asText());
        assertTrue(audit.path("uri").asText().startsWith("/orders/42?"), audit.toString());
    }

    @Test
    void detectionOnlyModeLetsAttacksThroughAndAuditsThem() {
        Firewall detecting = Firewall.builder().directives("inline", InlineRules.RULES)
                .mode(RuleEngineMode.DETECTION_ONLY).build();

        Result r = Harness.run(Kind.REST, Form.TYPED, Kind.REST.header(Kind.REST.event(), "X-Attack", "yes"),
                LambdaGuard.builder(detecting), App.ok());

        assertTrue(r.handlerCalled());
        assertEquals(200, r.status());
        JsonNode audit = r.audit().get(0);
        assertEquals("ALLOWED", audit.path("outcome").asText());
        assertTrue(audit.path("rules").get(0).path("disruptive").asBoolean());
    }

    @Test
    void sharedAuditLogReceivesInspectedTransactions() {
        List<dev.parapet.audit.AuditEvent> events = new ArrayList<>();
        List<String> errorLines = new ArrayList<>();
        dev.parapet.audit.AuditLog shared = dev.parapet.audit.AuditLog.builder()
                .sink((lines, event) -> {
                    errorLines.addAll(lines);
                    event.ifPresent(events::add);
                }).build();

        Result r = Harness.run(Kind.REST, Form.TYPED, Kind.REST.cookie(Kind.REST.event(), "pref=evil-secret"),
                guard().sharedAuditLog(shared), App.ok());

        assertEquals(403, r.status());
        assertEquals(List.of(), r.audit(), "inspected transactions go to the shared log only");
        assertEquals(1, events.size());
        dev.parapet.audit.AuditEvent event = events.get(0);
        assertEquals(Harness.REQUEST_ID, event.transactionId());
        assertEquals(403, event.responseStatus());
        assertEquals(1004, event.interruption().ruleId());
        assertEquals("198.51.100.7", event.request().clientAddress());
        assertTrue(event.request().uri().startsWith("/orders/42?"));
        assertFalse(event.toJson().contains("evil-secret"), "the shared log masks cookies");
        assertEquals(1, errorLines.size());
    }

    @Test
    void withoutContextTheFirewallGeneratesTheTransactionId() {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = guard()
                .auditLog(LambdaAuditLog.disabled()).build()
                .apiGatewayRest((e, c) -> new APIGatewayProxyResponseEvent().withStatusCode(200));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withPath("/").withHeaders(java.util.Map.of("X-Attack", "yes"));

        APIGatewayProxyResponseEvent response = h.handleRequest(event, null);

        assertEquals(403, response.getStatusCode());
        assertNotNull(Harness.read(response.getBody().getBytes(StandardCharsets.UTF_8)).path("transactionId").textValue());
    }

    @Test
    void oneLineWrappersUseDefaults() {
        assertNotNull(ParapetHandlers.apiGatewayRest(FIREWALL, (e, c) -> null));
        assertNotNull(ParapetHandlers.apiGatewayHttp(FIREWALL, (e, c) -> null));
        assertNotNull(ParapetHandlers.alb(FIREWALL, (e, c) -> null));
        assertNotNull(ParapetHandlers.stream(FIREWALL, (in, out, c) -> {
        }));
        FirewallHolder holder = FirewallHolder.lazy(InlineRules::firewall);
        ParapetHandlers.apiGatewayRest(holder, (e, c) -> null);
        assertFalse(holder.isBuilt(), "a lazy holder builds on the first invocation, not when wrapped");
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> guard().clientIpHeader(" ", 0));
        assertThrows(IllegalArgumentException.class, () -> guard().clientIpHeader("X-Forwarded-For", -1));
        assertThrows(NullPointerException.class, () -> guard().auditLog(null));
    }

    @Test
    void secLangErrorsSurfaceFromAnEagerHolder() {
        assertThrows(IllegalStateException.class, () -> FirewallHolder.eager(() -> {
            throw new SecLangException("inline:1: unknown operator");
        }));
    }
}
