package dev.parapet.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Transaction;
import dev.parapet.ratelimit.BanPolicy;
import dev.parapet.ratelimit.RateLimitPolicy;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.store.FailurePolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Firewall instances of one fleet sharing a real redis-server. */
class SharedRedisFirewallTest {

    private static final String RULES = """
            SecRuleEngine On
            SecRule ARGS_NAMES "@streq attack" "id:1,phase:1,deny,status:403"
            SecAction "id:100,phase:1,nolog,pass,initcol:ip=%{REMOTE_ADDR}"
            SecRule ARGS:login "@streq failed" "id:102,phase:1,pass,nolog,setvar:ip.failed=+1"
            SecRule IP:FAILED "@ge 5" "id:103,phase:1,deny,status:429,msg:'too many failed logins'"
            """;

    private RedisServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startRedis() {
        server = RedisServer.startOrSkip();
    }

    @AfterEach
    void stopRedis() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private RedisStateStore store() {
        RedisStateStore s = RedisStateStore.builder().uri(server.uri())
                .commandTimeout(Duration.ofMillis(500))
                .retryInterval(Duration.ofMillis(100))
                .reconnectDelay(Duration.ofMillis(50))
                .build();
        closeables.add(s);
        return s;
    }

    /** One instance of the fleet: its own store client, guard and firewall, sharing the server. */
    private record Instance(Firewall firewall, TrafficGuard guard, RedisStateStore store) {
    }

    private Instance instance(FailurePolicy policy, int perMinute) {
        RedisStateStore s = store();
        TrafficGuard guard = TrafficGuard.builder().store(s).onStoreFailure(policy)
                .limit(RateLimitPolicy.builder("per-ip").limit(perMinute, Duration.ofMinutes(1)).build())
                .bans(BanPolicy.builder().afterBlocks(3, Duration.ofMinutes(1)).countThrottled(false).build())
                .build();
        Firewall fw = Firewall.builder().directives("rules", RULES).protection(guard).persistentCollections(s).build();
        return new Instance(fw, guard, s);
    }

    private static Optional<Interruption> request(Firewall fw, String ip, String uri) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection(ip, 1234, "10.0.0.1", 443);
            tx.processUri("GET", uri, "HTTP/1.1");
            Optional<Interruption> i = tx.processRequestHeaders();
            tx.processLogging();
            return i;
        }
    }

    private static int status(Optional<Interruption> i) {
        return i.map(Interruption::status).orElse(200);
    }

    @Test
    void twoFirewallsEnforceOneCombinedLimit() {
        Instance a = instance(FailurePolicy.FAIL_OPEN, 10);
        Instance b = instance(FailurePolicy.FAIL_OPEN, 10);
        int passed = 0;
        for (int i = 0; i < 30; i++) {
            Instance which = i % 2 == 0 ? a : b;
            passed += status(request(which.firewall(), "198.51.100.1", "/")) == 200 ? 1 : 0;
        }
        // 10 per minute refills one token every 6 s; the loop takes far less, so at most one more.
        assertTrue(passed >= 10 && passed <= 11, "combined passes: " + passed);
        assertEquals(30 - passed, a.guard().stats().throttled() + b.guard().stats().throttled());
        assertTrue(a.guard().stats().throttled() > 0 && b.guard().stats().throttled() > 0, "both enforce it");
    }

    @Test
    void bansAndCollectionsAreSharedToo() {
        Instance a = instance(FailurePolicy.FAIL_OPEN, 1000);
        Instance b = instance(FailurePolicy.FAIL_OPEN, 1000);
        request(a.firewall(), "198.51.100.2", "/?attack=1");
        request(b.firewall(), "198.51.100.2", "/?attack=1");
        request(a.firewall(), "198.51.100.2", "/?attack=1");
        Interruption banned = request(b.firewall(), "198.51.100.2", "/").orElseThrow();
        assertEquals("ban", banned.reason());
        assertEquals(1, b.guard().bans().size(), "a's ban is visible through b");
        assertTrue(b.guard().unbanIp("198.51.100.2"));
        assertEquals(200, status(request(a.firewall(), "198.51.100.2", "/")), "b's unban lifts it for a");

        for (int i = 0; i < 4; i++) {
            assertEquals(200, status(request(i % 2 == 0 ? a.firewall() : b.firewall(), "198.51.100.3",
                    "/login?login=failed")));
        }
        assertEquals(429, status(request(b.firewall(), "198.51.100.3", "/login?login=failed")),
                "ip.failed counted across both instances");
        assertEquals("5", a.store().loadCollection("IP", "198.51.100.3").get("failed"));
    }

    @Test
    void redisStoppedMidTestFollowsThePolicyAndRecovers() throws IOException {
        Instance open = instance(FailurePolicy.FAIL_OPEN, 2);
        Instance closed = instance(FailurePolicy.FAIL_CLOSED, 2);
        assertEquals(200, status(request(open.firewall(), "198.51.100.4", "/")));
        assertEquals(200, status(request(closed.firewall(), "198.51.100.4", "/")));
        assertEquals(429, status(request(open.firewall(), "198.51.100.4", "/")), "shared limit of 2");

        server.stop();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, status(request(open.firewall(), "198.51.100.5", "/")), "fail open");
            Interruption refused = request(closed.firewall(), "198.51.100.5", "/").orElseThrow();
            assertEquals(503, refused.status(), "fail closed");
            assertEquals("store-unavailable", refused.reason());
        }
        assertEquals(5, open.guard().stats().failedOpen());
        assertEquals(5, closed.guard().stats().failedClosed());
        assertTrue(open.store().failures() >= 5);
        assertTrue(!open.store().isAvailable());

        server.start(); // same port, empty data set
        // Lettuce reconnects in the background; poll (bounded) until both instances are limited again.
        assertTrue(eventually(() -> status(request(open.firewall(), "198.51.100.6", "/")) == 429
                && status(request(closed.firewall(), "198.51.100.7", "/")) == 429), "recovered");
        assertTrue(open.store().isAvailable() && closed.store().isAvailable());
    }

    @Test
    void aHungRedisTimesOutAndFollowsThePolicy() throws Exception {
        Instance open = instance(FailurePolicy.FAIL_OPEN, 1);
        Instance closed = instance(FailurePolicy.FAIL_CLOSED, 1);
        assertEquals(200, status(request(open.firewall(), "198.51.100.8", "/")));
        assertEquals(429, status(request(closed.firewall(), "198.51.100.8", "/")));
        server.freeze();
        try {
            long start = System.nanoTime();
            assertEquals(200, status(request(open.firewall(), "198.51.100.8", "/")), "timed out: fail open");
            assertEquals(503, status(request(closed.firewall(), "198.51.100.8", "/")), "timed out: fail closed");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            // Bounded by the command timeouts (500 ms per store), not by the frozen server.
            assertTrue(elapsedMs < 10_000, "took " + elapsedMs + " ms");
        } finally {
            server.thaw();
        }
        assertTrue(eventually(() -> status(request(open.firewall(), "198.51.100.8", "/")) == 429), "recovered");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
