package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.store.Ban;
import dev.parapet.store.BucketSpec;
import dev.parapet.store.CollectionChange;
import dev.parapet.store.Consumption;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Transactions driven from virtual threads run their regex phases on the firewall's inspection threads (see
 * {@link Firewall.Builder#inspectionThreads(int)}), with the same verdicts. Which thread ran a phase shows in the
 * thread that loads the phase's {@code initcol} collection from the store.
 */
class VirtualThreadInspectionTest {

    /** Phase 1 runs a regex; phase 2 opens a collection but runs no regex. */
    private static final String RULES = """
            SecRuleEngine On
            SecAction "id:1,phase:1,nolog,pass,initcol:ip=%{REMOTE_ADDR}"
            SecRule ARGS "@rx (?i)union\\s+select" "id:2,phase:1,deny,status:403"
            SecAction "id:3,phase:2,nolog,pass,initcol:user=%{ARGS.user}"
            SecRule ARGS:user "@streq mallory" "id:4,phase:2,deny,status:401"
            """;

    /** Records, per collection, the name of the thread that last loaded it. */
    private static final class ThreadRecordingStore implements StateStore {
        final Map<String, String> loadedOn = new ConcurrentHashMap<>();
        private final StateStore delegate = LocalStateStore.builder().build();

        @Override
        public Map<String, String> loadCollection(String collection, String key) {
            loadedOn.put(collection, Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName());
            return delegate.loadCollection(collection, key);
        }

        @Override
        public void updateCollection(String collection, String key, List<CollectionChange> changes, Duration timeout) {
            delegate.updateCollection(collection, key, changes, timeout);
        }

        @Override
        public Consumption tryConsume(String key, BucketSpec spec, long tokens) {
            return delegate.tryConsume(key, spec, tokens);
        }

        @Override
        public long increment(String key, long amount, Duration window) {
            return delegate.increment(key, amount, window);
        }

        @Override
        public void resetCounter(String key) {
            delegate.resetCounter(key);
        }

        @Override
        public void putBan(Ban ban) {
            delegate.putBan(ban);
        }

        @Override
        public Optional<Ban> ban(String key) {
            return delegate.ban(key);
        }

        @Override
        public boolean removeBan(String key) {
            return delegate.removeBan(key);
        }

        @Override
        public List<Ban> bans(int limit) {
            return delegate.bans(limit);
        }
    }

    private static int status(Firewall fw, String uri) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection("198.51.100.7", 1234, "10.0.0.1", 80);
            tx.processUri("GET", uri, "HTTP/1.1");
            Optional<Interruption> verdict = tx.processRequestHeaders();
            if (verdict.isEmpty()) {
                verdict = tx.processRequestBody();
            }
            tx.processLogging();
            return verdict.map(Interruption::status).orElse(200);
        }
    }

    private static <T> T onVirtualThread(java.util.concurrent.Callable<T> work) throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<T> f = virtual.submit(work);
            return f.get();
        }
    }

    @Test
    void regexPhasesOfVirtualThreadsRunOnInspectionThreads() throws Exception {
        ThreadRecordingStore store = new ThreadRecordingStore();
        Firewall fw = Firewall.builder().directives("t", RULES).persistentCollections(store).inspectionThreads(2).build();

        assertEquals(403, (int) onVirtualThread(() -> status(fw, "/?q=1+UNION+SELECT+password")));
        assertTrue(store.loadedOn.get("IP").startsWith("parapet-inspection-"), store.loadedOn.toString());
        assertEquals(200, (int) onVirtualThread(() -> status(fw, "/?user=alice")));
        assertEquals("virtual", store.loadedOn.get("USER"), "a phase without regexes stays on the caller");
        assertEquals(401, (int) onVirtualThread(() -> status(fw, "/?user=mallory")));
    }

    @Test
    void platformThreadsRunTheirOwnPhases() {
        ThreadRecordingStore store = new ThreadRecordingStore();
        Firewall fw = Firewall.builder().directives("t", RULES).persistentCollections(store).build();

        assertEquals(403, status(fw, "/?q=1+union+select+1"));
        assertEquals(Thread.currentThread().getName(), store.loadedOn.get("IP"));
    }

    @Test
    void zeroInspectionThreadsKeepsPhasesOnTheVirtualThread() throws Exception {
        ThreadRecordingStore store = new ThreadRecordingStore();
        Firewall fw = Firewall.builder().directives("t", RULES).persistentCollections(store).inspectionThreads(0).build();

        assertEquals(403, (int) onVirtualThread(() -> status(fw, "/?q=1+union+select+1")));
        assertEquals("virtual", store.loadedOn.get("IP"));
    }

    @Test
    void anInterruptDoesNotCutAPhaseShortAndIsKept() throws Exception {
        Firewall fw = Firewall.builder().directives("t", RULES).inspectionThreads(1).build();
        boolean[] result = onVirtualThread(() -> {
            Thread.currentThread().interrupt();
            int status = status(fw, "/?q=1+union+select+1");
            return new boolean[] {status == 403, Thread.interrupted()};
        });
        assertTrue(result[0], "the phase ran to its verdict");
        assertTrue(result[1], "the interrupt is still pending for the caller");
    }

    @Test
    void manyVirtualThreadsAtOnceGetTheSameVerdicts() throws Exception {
        Firewall fw = Firewall.builder().directives("t", RULES).inspectionThreads(2).build();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> attacks = new java.util.ArrayList<>();
            List<Future<Integer>> benign = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attacks.add(virtual.submit(() -> status(fw, "/?q=1+union+select+1")));
                benign.add(virtual.submit(() -> status(fw, "/?q=union+station")));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(403, attacks.get(i).get());
                assertEquals(200, benign.get(i).get());
            }
        }
    }

    @Test
    void negativeThreadCountIsRefused() {
        var builder = Firewall.builder();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> builder.inspectionThreads(-1));
        assertFalse(e.getMessage().isEmpty());
    }
}
