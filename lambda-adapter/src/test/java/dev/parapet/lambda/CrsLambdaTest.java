package dev.parapet.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.lambda.Harness.App;
import dev.parapet.lambda.Harness.Form;
import dev.parapet.lambda.Harness.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CRS 4.28.0 as shipped (paranoia level 1, anomaly scoring) behind every event shape. */
class CrsLambdaTest {

    private static LambdaGuard.Builder guard() {
        return LambdaGuard.builder(Crs.firewall());
    }

    static Stream<Arguments> kindsAndForms() {
        return GuardedHandlersTest.kindsAndForms();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void benignFixturesPass(Kind kind, Form form) {
        Result r = Harness.run(kind, form, kind.event(), guard(), App.text("text/html", "<html><body>Order 42</body></html>"));

        assertTrue(r.handlerCalled(), () -> "false positive: " + r.audit());
        assertEquals(200, r.status(), () -> String.valueOf(r.audit()));
        assertEquals(List.of(), r.audit(), "CRS's nolog setup rules must not make every request an audit event");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.parapet.lambda.GuardedHandlersTest#kindsAndForms")
    void benignJsonPostPasses(Kind kind, Form form) {
        ObjectNode e = kind.body(kind.event(), "POST", "application/json",
                "{\"item\":\"book\",\"quantity\":2,\"note\":\"gift wrap, please\",\"tags\":[\"a\",\"b\"]}", kind.isHttpApi());

        Result r = Harness.run(kind, form, e, guard(), App.ok());

        assertEquals(200, r.status(), () -> String.valueOf(r.audit()));
    }

    record Attack(String name, String ruleFamily, BiFunction<Kind, ObjectNode, ObjectNode> place) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Attack> ATTACKS = List.of(
            new Attack("path traversal in the path", "930",
                    (k, e) -> k.path(e, "/static/../../../../etc/passwd")),
            new Attack("SQL injection in the query", "942",
                    (k, e) -> k.query(e, "id", "1' UNION SELECT username, password FROM users--")),
            new Attack("XSS in a header", "941",
                    (k, e) -> k.header(k.removeHeader(e, "User-Agent"), "User-Agent", "<script>alert(document.cookie)</script>")),
            new Attack("SQL injection in a cookie", "942",
                    (k, e) -> k.cookie(e, "session=1' OR '1'='1' UNION SELECT password FROM users--")),
            new Attack("XSS in a JSON body", "941", (k, e) -> k.body(e, "POST", "application/json",
                    "{\"comment\":\"<script>alert(document.cookie)</script>\"}", false)),
            new Attack("command injection in a base64 form body", "932", (k, e) -> k.body(e, "POST",
                    "application/x-www-form-urlencoded", "host=example.com%3B%20cat%20%2Fetc%2Fpasswd", true)));

    static Stream<Arguments> attacks() {
        List<Arguments> out = new ArrayList<>();
        for (Attack a : ATTACKS) {
            for (Kind kind : Kind.values()) {
                for (Form form : Form.values()) {
                    out.add(Arguments.of(a, kind, form));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} via {1} {2}")
    @MethodSource("attacks")
    void crsBlocksTheAttack(Attack attack, Kind kind, Form form) {
        Result r = Harness.run(kind, form, attack.place().apply(kind, kind.event()), guard(), App.ok());

        assertFalse(r.handlerCalled());
        assertEquals(403, r.status());
        assertEquals(Harness.REQUEST_ID, r.bodyJson().path("transactionId").asText());
        JsonNode audit = r.audit().get(0);
        assertEquals(949110, audit.path("rule_id").asInt(), "blocked by the inbound anomaly score");
        assertTrue(audit.path("inbound_anomaly_score").asInt() >= 5, audit.toString());
        boolean family = false;
        for (JsonNode rule : audit.path("rules")) {
            family |= rule.path("id").asText().startsWith(attack.ruleFamily());
            assertFalse(rule.path("id").asText().startsWith("901"), "nolog setup rules stay out of the record");
        }
        assertTrue(family, () -> "expected a " + attack.ruleFamily() + "xxx rule in " + audit);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndForms")
    void sqlErrorInTheResponseIsBlocked(Kind kind, Form form) {
        App leaking = App.text("text/html", "<html><body>You have an error in your SQL syntax; check the manual "
                + "that corresponds to your MySQL server version for the right syntax to use near ''' at line 1"
                + "</body></html>");

        Result r = Harness.run(kind, form, kind.event(), guard(), leaking);

        assertTrue(r.handlerCalled());
        assertEquals(403, r.status());
        assertFalse(r.body().contains("SQL syntax"));
        JsonNode audit = r.audit().get(0);
        assertEquals(959100, audit.path("rule_id").asInt(), "blocked by the outbound anomaly score");
        assertEquals(4, audit.path("phase").asInt());
    }
}
