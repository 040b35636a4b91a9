package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.actions.Disruptive;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Phase order, engine modes and the disruptive actions, through the public API. */
class PhasesAndDisruptionTest {

    /** One rule per phase, written out of order; each appends its phase to tx.trace. */
    private static final Firewall TRACE = rules(
            "SecAction \"id:3,phase:3,pass,setvar:'tx.trace=%{tx.trace}3'\"",
            "SecAction \"id:5,phase:5,pass,setvar:'tx.trace=%{tx.trace}5'\"",
            "SecAction \"id:1,phase:1,pass,setvar:'tx.trace=%{tx.trace}1'\"",
            "SecAction \"id:4,phase:4,pass,setvar:'tx.trace=%{tx.trace}4'\"",
            "SecAction \"id:2,phase:2,pass,setvar:'tx.trace=%{tx.trace}2'\"",
            "SecAction \"id:12,phase:1,pass,setvar:'tx.trace=%{tx.trace}1b'\"");

    @Test
    void phasesRunInOrderAndRulesInLoadOrderWithinAPhase() {
        assertEquals(List.of(1, 12, 2, 3, 4, 5), TRACE.ruleIds());
        Transaction tx = get("/").response(200, "text/html", "ok").all(TRACE);
        assertEquals("11b2345", tx.tx("trace"));
        assertEquals(List.of(1, 12, 2, 3, 4, 5), ids(tx));
    }

    @Test
    void eachStepRunsOnlyItsPhase() {
        Transaction tx = get("/").start(TRACE);
        tx.processRequestHeaders();
        assertEquals("11b", tx.tx("trace"));
        tx.processRequestBody();
        assertEquals("11b2", tx.tx("trace"));
        tx.processResponseHeaders(200, "HTTP/1.1");
        assertEquals("11b23", tx.tx("trace"));
        tx.processResponseBody();
        assertEquals("11b234", tx.tx("trace"));
        tx.processLogging();
        assertEquals("11b2345", tx.tx("trace"));
    }

    @Test
    void skippedStepsRunImplicitlyAndNoPhaseRunsTwice() {
        Transaction tx = TRACE.newTransaction();
        tx.processResponseBody();
        assertEquals("11b234", tx.tx("trace"));
        tx.processRequestHeaders();
        tx.processRequestBody();
        tx.processResponseHeaders(500, "HTTP/1.1");
        tx.processResponseBody();
        assertEquals("11b234", tx.tx("trace"));
        tx.processLogging();
        tx.processLogging();
        assertEquals("11b2345", tx.tx("trace"));
    }

    @Test
    void closeRunsTheLoggingPhaseOnce() {
        Transaction tx = get("/").request(TRACE);
        tx.close();
        assertEquals("11b25", tx.tx("trace"));
        tx.close();
        assertEquals("11b25", tx.tx("trace"));
    }

    @Test
    void interruptionStopsLaterPhasesButNotLogging() {
        Firewall fw = rules(
                "SecAction \"id:1,phase:1,pass,setvar:'tx.trace=%{tx.trace}1'\"",
                "SecRule ARGS:stop \"@streq 1\" \"id:10,phase:1,deny\"",
                "SecAction \"id:11,phase:1,pass,setvar:'tx.trace=%{tx.trace}x'\"",
                "SecAction \"id:2,phase:2,pass,setvar:'tx.trace=%{tx.trace}2'\"",
                "SecAction \"id:3,phase:3,pass,setvar:'tx.trace=%{tx.trace}3'\"",
                "SecAction \"id:4,phase:4,pass,setvar:'tx.trace=%{tx.trace}4'\"",
                "SecAction \"id:5,phase:5,pass,setvar:'tx.trace=%{tx.trace}5'\"");
        Transaction tx = get("/?stop=1").start(fw);
        Optional<Interruption> i = tx.processRequestHeaders();
        assertEquals(new Interruption(10, Disruptive.DENY, 403, null, 1), i.orElseThrow());
        assertEquals(i, tx.processRequestBody(), "later steps report the same interruption");
        assertEquals(i, tx.processResponseHeaders(200, "HTTP/1.1"));
        assertEquals(i, tx.processResponseBody());
        tx.processLogging();
        assertEquals("15", tx.tx("trace"));
        assertEquals(i, tx.interruption());
        assertTrue(tx.isAuditRelevant());
    }

    @Test
    void disruptiveRuleInPhase3StopsPhase4() {
        Firewall fw = rules(
                "SecRule RESPONSE_STATUS \"@streq 500\" \"id:1,phase:3,deny,status:502\"",
                "SecAction \"id:2,phase:4,pass\"");
        Transaction tx = get("/").response(500, "text/plain", "stack trace").all(fw);
        assertEquals(new Interruption(1, Disruptive.DENY, 502, null, 3), tx.interruption().orElseThrow());
        assertEquals(List.of(1), ids(tx));
    }

    /** The response is gone by phase 5: its disruptive actions neither interrupt nor stop the phase. */
    @Test
    void disruptiveActionInTheLoggingPhaseIsIgnored() {
        Firewall fw = rules("SecAction \"id:1,phase:5,deny,status:418\"", "SecAction \"id:2,phase:5,pass\"");
        Transaction tx = get("/").all(fw);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(1, 2), ids(tx));
    }

    @Test
    void loggingPhaseDoesNotReplaceTheInterruption() {
        Firewall fw = rules("SecRule ARGS \"@rx x\" \"id:1,phase:1,deny,status:401\"",
                "SecAction \"id:5,phase:5,redirect:http://example.com/\"", "SecAction \"id:6,phase:5,pass\"");
        Transaction tx = get("/?a=x").all(fw);
        assertEquals(new Interruption(1, Disruptive.DENY, 401, null, 1), tx.interruption().orElseThrow());
        assertEquals(List.of(1, 5, 6), ids(tx));
    }

    // ---- engine modes --------------------------------------------------------------------------

    private static final String[] DENY_TWICE = {
        "SecRule ARGS \"@rx attack\" \"id:1,phase:1,deny,msg:'first'\"",
        "SecRule ARGS \"@rx attack\" \"id:2,phase:2,deny,msg:'second'\"",
        "SecAction \"id:3,phase:5,pass\""};

    @Test
    void onInterruptsAtTheFirstDisruptiveMatch() {
        Transaction tx = get("/?q=attack").all(rules(DENY_TWICE));
        assertEquals(1, tx.interruption().orElseThrow().ruleId());
        assertEquals(List.of(1, 3), ids(tx));
        assertTrue(tx.matchedRules().get(0).disruptive());
    }

    @Test
    void detectionOnlyRecordsEveryMatchAndNeverInterrupts() {
        Firewall fw = Firewall.builder().directives("t", String.join("\n", DENY_TWICE))
                .mode(RuleEngineMode.DETECTION_ONLY).build();
        Transaction tx = get("/?q=attack").start(fw);
        assertEquals(Optional.empty(), tx.processRequestHeaders());
        assertEquals(Optional.empty(), tx.processRequestBody());
        tx.processLogging();
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(1, 2, 3), ids(tx));
        assertEquals(RuleEngineMode.DETECTION_ONLY, tx.mode());
        assertTrue(tx.matchedRules().get(0).errorLogLine().contains("first"), tx.matchedRules().get(0).errorLogLine());
    }

    @Test
    void secRuleEngineDirectiveSetsTheMode() {
        Transaction detect = get("/?q=attack").all(rules(DENY_TWICE[0], DENY_TWICE[1], "SecRuleEngine DetectionOnly"));
        assertEquals(Optional.empty(), detect.interruption());
        assertEquals(List.of(1, 2), ids(detect));
        Transaction off = get("/?q=attack").all(rules(DENY_TWICE[0], DENY_TWICE[2], "SecRuleEngine Off"));
        assertEquals(Optional.empty(), off.interruption());
        assertEquals(List.of(), ids(off));
        assertEquals(RuleEngineMode.OFF, off.mode());
    }

    // ---- disruptive actions and status codes ---------------------------------------------------

    static Stream<Arguments> disruptions() {
        return Stream.of(
                Arguments.of("deny", new Interruption(1, Disruptive.DENY, 403, null, 2)),
                Arguments.of("deny,status:418", new Interruption(1, Disruptive.DENY, 418, null, 2)),
                Arguments.of("status:401,deny", new Interruption(1, Disruptive.DENY, 401, null, 2)),
                Arguments.of("drop", new Interruption(1, Disruptive.DROP, 403, null, 2)),
                Arguments.of("redirect:'https://example.com/blocked'",
                        new Interruption(1, Disruptive.REDIRECT, 302, "https://example.com/blocked", 2)),
                Arguments.of("redirect:https://example.com/r,status:301",
                        new Interruption(1, Disruptive.REDIRECT, 301, "https://example.com/r", 2)),
                Arguments.of("redirect:https://example.com/r,status:307",
                        new Interruption(1, Disruptive.REDIRECT, 307, "https://example.com/r", 2)),
                // a redirect with a non-redirect status answers 302
                Arguments.of("redirect:https://example.com/r,status:403",
                        new Interruption(1, Disruptive.REDIRECT, 302, "https://example.com/r", 2)),
                Arguments.of("redirect:'https://example.com/?id=%{rule.id}&a=%{ARGS.q}'",
                        new Interruption(1, Disruptive.REDIRECT, 302, "https://example.com/?id=1&a=attack", 2)),
                // the last disruptive action wins
                Arguments.of("deny,pass", null),
                Arguments.of("pass,deny", new Interruption(1, Disruptive.DENY, 403, null, 2)),
                Arguments.of("pass", null),
                Arguments.of("block", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("disruptions")
    void disruptiveActions(String actions, Interruption expected) {
        Firewall fw = rules("SecRule ARGS:q \"@streq attack\" \"id:1,phase:2," + actions + "\"",
                "SecAction \"id:2,phase:2,pass\"");
        Transaction tx = get("/?q=attack").all(fw);
        assertEquals(Optional.ofNullable(expected), tx.interruption());
        assertEquals(expected == null ? List.of(1, 2) : List.of(1), ids(tx));
        assertEquals(expected != null, tx.matchedRules().get(0).disruptive());
    }

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("phase:2,log,auditlog,deny,status:403", new Interruption(1, Disruptive.DENY, 403, null, 2)),
                Arguments.of("phase:2,log,auditlog,deny,status:429", new Interruption(1, Disruptive.DENY, 429, null, 2)),
                Arguments.of("phase:2,log,auditlog,drop", new Interruption(1, Disruptive.DROP, 403, null, 2)),
                Arguments.of("phase:2,log,auditlog,redirect:https://example.com/blocked",
                        new Interruption(1, Disruptive.REDIRECT, 302, "https://example.com/blocked", 2)),
                Arguments.of("phase:2,log,auditlog,pass", null),
                // the phase-1 default does not apply to a phase-2 rule
                Arguments.of("phase:1,log,auditlog,deny,status:403", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("blocks")
    void blockTakesTheDisruptiveActionOfSecDefaultAction(String defaults, Interruption expected) {
        Firewall fw = rules("SecDefaultAction \"" + defaults + "\"",
                "SecRule ARGS:q \"@streq attack\" \"id:1,phase:2,block\"");
        assertEquals(Optional.ofNullable(expected), get("/?q=attack").all(fw).interruption());
    }

    @Test
    void ownStatusWinsOverTheDefaultStatusForBlock() {
        Firewall fw = rules("SecDefaultAction \"phase:2,log,deny,status:403\"",
                "SecRule ARGS:q \"@streq attack\" \"id:1,phase:2,block,status:406\"");
        assertEquals(406, get("/?q=attack").all(fw).interruption().orElseThrow().status());
    }

    @Test
    void crsStyleAnomalyScoringBlocksAtTheThreshold() {
        Firewall fw = rules(
                "SecDefaultAction \"phase:1,log,auditlog,pass\"",
                "SecDefaultAction \"phase:2,log,auditlog,pass\"",
                "SecAction \"id:900,phase:1,pass,nolog,setvar:tx.inbound_anomaly_score_threshold=10,"
                        + "setvar:tx.critical_anomaly_score=5\"",
                "SecRule ARGS \"@rx select\" \"id:10,phase:2,block,setvar:'tx.score=+%{tx.critical_anomaly_score}'\"",
                "SecRule ARGS \"@rx union\" \"id:11,phase:2,block,setvar:'tx.score=+%{tx.critical_anomaly_score}'\"",
                "SecRule TX:score \"@ge %{tx.inbound_anomaly_score_threshold}\" \"id:949,phase:2,deny,status:403\"");
        assertEquals(Optional.empty(), get("/?q=hello").all(fw).interruption());
        Transaction one = get("/?q=select").all(fw);
        assertEquals("5", one.tx("score"));
        assertEquals(Optional.empty(), one.interruption());
        assertEquals(List.of(900, 10), ids(one));
        Transaction two = get("/?q=union+select").all(fw);
        assertEquals("10", two.tx("score"));
        assertEquals(new Interruption(949, Disruptive.DENY, 403, null, 2), two.interruption().orElseThrow());
    }

    // ---- allow ---------------------------------------------------------------------------------

    private static Firewall allowRules(String allow) {
        return rules(
                "SecRule REMOTE_ADDR \"@ipMatch 192.0.2.10\" \"id:1,phase:1," + allow + ",setvar:'tx.trace=%{tx.trace}A'\"",
                "SecAction \"id:2,phase:1,pass,setvar:'tx.trace=%{tx.trace}1'\"",
                "SecAction \"id:4,phase:2,pass,setvar:'tx.trace=%{tx.trace}2'\"",
                "SecRule ARGS \"@rx attack\" \"id:3,phase:2,deny\"",
                "SecAction \"id:5,phase:3,pass,setvar:'tx.trace=%{tx.trace}3'\"",
                "SecAction \"id:6,phase:4,pass,setvar:'tx.trace=%{tx.trace}4'\"",
                "SecAction \"id:7,phase:5,pass,setvar:'tx.trace=%{tx.trace}5'\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        // allow: nothing else runs before logging
        "allow,         A5",
        // allow:phase: only the rest of the current phase is skipped; phase 2 then denies
        "allow:phase,   A25",
        // allow:request: the request phases are skipped, the response phases run
        "allow:request, A345"})
    void allowVariants(String allow, String trace) {
        Transaction tx = get("/?q=attack").response(200, "text/html", "x").all(allowRules(allow));
        assertEquals(trace, tx.tx("trace"));
        boolean deniedInPhase2 = trace.contains("2");
        assertEquals(deniedInPhase2, tx.interruption().isPresent(), "rule 3 only runs when phase 2 runs: " + ids(tx));
    }

    @Test
    void allowDoesNotApplyToOtherClients() {
        Firewall fw = allowRules("allow");
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection("198.51.100.7", 1, "192.0.2.1", 80);
            tx.processUri("GET", "/?q=attack", "HTTP/1.1");
            tx.processRequestHeaders();
            assertEquals(3, tx.processRequestBody().orElseThrow().ruleId());
        }
    }

    // ---- logging flags -------------------------------------------------------------------------

    @Test
    void nologAndNoauditlogAreReportedAndDoNotMakeTheTransactionRelevant() {
        Firewall fw = rules("SecRule ARGS \"@rx a\" \"id:1,phase:1,pass,nolog\"",
                "SecRule ARGS \"@rx b\" \"id:2,phase:1,pass,log,noauditlog\"",
                "SecRule ARGS \"@rx c\" \"id:3,phase:1,pass,nolog,auditlog\"");
        Transaction a = get("/?q=a").all(fw);
        MatchedRule m = a.matchedRules().get(0);
        assertFalse(m.log());
        assertFalse(m.auditLog());
        assertFalse(a.isAuditRelevant());
        MatchedRule b = get("/?q=b").all(fw).matchedRules().get(0);
        assertTrue(b.log());
        assertFalse(b.auditLog());
        MatchedRule c = get("/?q=c").all(fw).matchedRules().get(0);
        assertFalse(c.log());
        assertTrue(c.auditLog());
    }

    @Test
    void matchedRuleCarriesMetadata() {
        Firewall fw = rules("SecRule ARGS:q \"@rx (a+)\" \"id:77,phase:2,pass,capture,severity:CRITICAL,ver:'v1',"
                + "tag:'attack-x',tag:'paranoia-level/1',msg:'Found %{TX.1}',logdata:'in %{MATCHED_VAR_NAME}'\"");
        Transaction tx = get("/?q=baaad").all(fw);
        MatchedRule m = Exchange.match(tx, 77);
        assertEquals(2, m.phase());
        assertEquals("Found aaa", m.message());
        assertEquals("in ARGS:q", m.data());
        assertEquals("CRITICAL", m.severity());
        assertEquals(List.of("attack-x", "paranoia-level/1"), m.tags());
        assertEquals("v1", m.version());
        assertEquals("test", m.file());
        assertEquals(1, m.line());
        assertEquals("ARGS:q", m.matchedVariable());
        assertEquals("baaad", m.matchedValue());
        assertFalse(m.disruptive());
        assertTrue(m.errorLogLine().contains("[id \"77\"]"), m.errorLogLine());
        assertTrue(tx.isAuditRelevant());
    }

    @Test
    void transactionIdsAreUniqueOrGiven() {
        Firewall fw = rules();
        assertFalse(fw.newTransaction().id().equals(fw.newTransaction().id()));
        assertEquals("req-1", fw.newTransaction("req-1").id());
        Firewall counted = Firewall.builder().idGenerator(() -> "fixed").build();
        assertEquals("fixed", counted.newTransaction().id());
        Firewall withUniqueId = rules("SecAction \"id:1,phase:1,pass,setvar:tx.uid=%{UNIQUE_ID}\"");
        Transaction tx = withUniqueId.newTransaction("abc");
        tx.processRequestHeaders();
        assertEquals("abc", tx.tx("uid"));
        assertNull(tx.tx("missing"));
    }
}
