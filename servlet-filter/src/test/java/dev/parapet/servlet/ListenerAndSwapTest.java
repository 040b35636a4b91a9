package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.RuleEngineMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExchangeListener} sees each inspected exchange once; a {@code Supplier<Firewall>} swaps rules live. */
class ListenerAndSwapTest {

    @TempDir
    Path dir;

    @Test
    void listenerSeesBlockedPassedAndDetectedExchanges() {
        List<ExchangeOutcome> seen = new CopyOnWriteArrayList<>();
        Firewall detecting = Firewall.builder().directives("rules", TestRules.RULES
                + "SecRule ARGS \"@contains watch\" \"id:202,phase:2,deny,status:403,log,msg:'watched'\"\n"
                + "SecRule ARGS \"@contains note\" \"id:203,phase:2,pass,log,msg:'noted'\"\n").build();
        try (FilterServer server = FilterServer.start(ParapetFilter.builder(detecting).listener(seen::add), dir)) {
            assertEquals(403, server.send(BlockingTest.get("/respond?q=attack2&body=x")).status());
            assertEquals(200, server.send(BlockingTest.get("/respond?q=note&body=x")).status());
        }
        assertEquals(2, seen.size(), seen.toString());
        ExchangeOutcome blocked = seen.get(0);
        assertTrue(blocked.blocked());
        assertEquals(403, blocked.status());
        assertEquals("GET", blocked.method());
        assertEquals("/respond?q=attack2&body=x", blocked.uri());
        assertEquals("127.0.0.1", blocked.clientAddress());
        assertEquals(RuleEngineMode.ON, blocked.mode());
        assertEquals(201, blocked.interruption().orElseThrow().ruleId());
        assertEquals(List.of(201), blocked.disruptiveMatches().stream().map(MatchedRule::id).toList());
        assertTrue(blocked.inspectionNanos() > 0);

        ExchangeOutcome passed = seen.get(1);
        assertFalse(passed.blocked());
        assertEquals(200, passed.status());
        assertEquals(List.of(203), passed.matchedRules().stream().map(MatchedRule::id).toList());
        assertTrue(passed.disruptiveMatches().isEmpty());
        assertFalse(passed.transactionId().equals(blocked.transactionId()));
    }

    @Test
    void detectionOnlyReportsWhatWouldHaveBlocked() {
        List<ExchangeOutcome> seen = new CopyOnWriteArrayList<>();
        Firewall firewall = Firewall.builder().directives("rules", TestRules.RULES)
                .mode(RuleEngineMode.DETECTION_ONLY).build();
        try (FilterServer server = FilterServer.start(ParapetFilter.builder(firewall).listener(seen::add), dir)) {
            assertEquals(200, server.send(BlockingTest.get("/respond?q=attack2&body=x")).status());
        }
        ExchangeOutcome outcome = seen.get(0);
        assertFalse(outcome.blocked());
        assertEquals(RuleEngineMode.DETECTION_ONLY, outcome.mode());
        assertEquals(List.of(201), outcome.disruptiveMatches().stream().map(MatchedRule::id).toList());
    }

    @Test
    void failingListenerDoesNotChangeTheResponse() {
        ExchangeListener failing = o -> {
            throw new IllegalStateException("listener bug");
        };
        try (FilterServer server = FilterServer.start(
                ParapetFilter.builder(TestRules.firewall()).listener(failing), dir)) {
            assertEquals(403, server.send(BlockingTest.get("/respond?q=attack2&body=x")).status());
            assertEquals(200, server.send(BlockingTest.get("/respond?body=fine")).status());
        }
    }

    @Test
    void supplierSwapsRulesBetweenRequests() {
        Firewall lenient = Firewall.builder().directives("none", "SecRuleEngine On").build();
        Firewall strict = TestRules.firewall();
        AtomicReference<Firewall> current = new AtomicReference<>(lenient);
        ParapetFilter filter = ParapetFilter.reloadable(current::get).build();
        assertSame(lenient, filter.firewall());
        try (FilterServer server = FilterServer.start(ParapetFilter.reloadable(current::get), dir)) {
            assertEquals(200, server.send(BlockingTest.get("/respond?q=attack2&body=x")).status());
            current.set(strict);
            assertEquals(403, server.send(BlockingTest.get("/respond?q=attack2&body=x")).status());
        }
        assertSame(strict, filter.firewall());
        assertThrows(NullPointerException.class,
                () -> ParapetFilter.reloadable(null));
    }
}
