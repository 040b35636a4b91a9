package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parapet.engine.internal.Scratch;
import dev.parapet.engine.internal.ScratchPool;
import org.junit.jupiter.api.Test;
import org.safere.Matcher;
import org.safere.Pattern;

class ScratchPoolTest {

    @Test
    void lendsReturnedScratchAgainAndForgetsItsInputs() {
        ScratchPool pool = new ScratchPool(2);
        Scratch scratch = pool.borrow();
        Pattern p = Pattern.compile("a+");
        Matcher m = scratch.matcher(p, "secret aaa value");
        assertEquals(true, m.find());
        pool.giveBack(scratch);
        assertEquals(1, pool.idle());
        Scratch again = pool.borrow();
        assertSame(scratch, again);
        assertEquals(0, pool.idle());
        // reset to "" on return: an idle pool keeps no request data alive
        assertEquals(false, m.find());
        assertSame(m, again.matcher(p, "aa"), "matchers are reused");
        assertEquals(true, m.find());
    }

    @Test
    void everyTransactionsMatchersAreForgottenNotOnlyTheFirstOnes() {
        ScratchPool pool = new ScratchPool(1);
        Pattern p = Pattern.compile("a+");
        Pattern q = Pattern.compile("b+");
        Scratch scratch = pool.borrow();
        Matcher m = scratch.matcher(p, "aaa one");
        Matcher n = scratch.matcher(q, "bbb one bbb");
        assertEquals(true, n.find());
        pool.giveBack(scratch);
        for (int round = 0; round < 3; round++) {
            Scratch again = pool.borrow();
            assertSame(scratch, again);
            assertSame(m, again.matcher(p, "aa secret " + round + " aa"));
            assertEquals(true, m.find());
            pool.giveBack(again);
            assertEquals(false, m.find(), "reset after round " + round);
            assertEquals(false, n.find(), "not used since, still reset");
        }
    }

    @Test
    void keepsAtMostItsCapacity() {
        ScratchPool pool = new ScratchPool(2);
        var a = pool.borrow();
        var b = pool.borrow();
        var c = pool.borrow();
        assertNotSame(a, b);
        pool.giveBack(a);
        pool.giveBack(b);
        pool.giveBack(c);
        assertEquals(2, pool.idle());
    }

    /** Concurrent transactions of one firewall each get their own matchers and all see correct results. */
    @Test
    void concurrentTransactionsDoNotShareMatchers() throws Exception {
        Firewall firewall = Firewall.builder().directives("t", """
                SecRuleEngine On
                SecRule ARGS "@rx ^evil\\d+$" "id:1,phase:1,deny,status:403"
                """).build();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 400; i++) {
                boolean attack = i % 3 == 0;
                int n = i;
                results.add(pool.submit(() -> {
                    try (Transaction tx = firewall.newTransaction()) {
                        tx.processConnection("192.0.2.1", 1234, "127.0.0.1", 80);
                        tx.processUri("GET", "/?q=" + (attack ? "evil" + n : "fine" + n), "HTTP/1.1");
                        return tx.processRequestHeaders().isPresent() == attack;
                    }
                }));
            }
            for (var r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
