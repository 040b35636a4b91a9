package dev.parapet.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.store.Ban;
import dev.parapet.store.BucketSpec;
import dev.parapet.store.CollectionChange;
import dev.parapet.store.Consumption;
import dev.parapet.store.StoreUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's operations against a real redis-server. */
class RedisStateStoreTest {

    private static RedisServer server;
    private static MutableClock clock;
    private static RedisStateStore store;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.startOrSkip();
        clock = new MutableClock();
        store = RedisStateStore.builder().uri(server.uri()).clock(clock).build();
    }

    @AfterAll
    static void stopRedis() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void clean() throws IOException {
        server.flushAll();
    }

    @Test
    void bucketsRefillOnTheClientClock() {
        BucketSpec spec = BucketSpec.perPeriod(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(store.tryConsume("k", spec, 1).consumed());
        }
        Consumption refused = store.tryConsume("k", spec, 1);
        assertFalse(refused.consumed());
        assertEquals(20, refused.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(20));
        assertTrue(store.tryConsume("k", spec, 1).consumed());
        assertFalse(store.tryConsume("k", spec, 1).consumed());
    }

    @Test
    void countersAddUpAndReset() {
        assertEquals(1, store.increment("c", 1, Duration.ofMinutes(1)));
        assertEquals(6, store.increment("c", 5, Duration.ofMinutes(1)));
        store.resetCounter("c");
        assertEquals(2, store.increment("c", 2, Duration.ofMinutes(1)));
    }

    @Test
    void bansAreStoredListedAndLifted() {
        Instant now = clock.instant();
        store.putBan(new Ban("ip:1.2.3.4", now, now.plusSeconds(600), 2, "reason | with bar"));
        store.putBan(new Ban("ip:5.6.7.8", now, now.plusSeconds(60), 1, "short"));
        Ban b = store.ban("ip:1.2.3.4").orElseThrow();
        assertEquals(2, b.level());
        assertEquals("reason | with bar", b.reason());
        assertEquals(now.plusSeconds(600), b.until());
        assertEquals(List.of("ip:5.6.7.8", "ip:1.2.3.4"), store.bans(10).stream().map(Ban::key).toList());
        clock.advance(Duration.ofSeconds(60));
        assertFalse(store.ban("ip:5.6.7.8").isPresent(), "ended on the store's clock");
        assertEquals(List.of("ip:1.2.3.4"), store.bans(10).stream().map(Ban::key).toList());
        assertTrue(store.removeBan("ip:1.2.3.4"));
        assertFalse(store.removeBan("ip:1.2.3.4"));
        assertTrue(store.bans(10).isEmpty());
    }

    @Test
    void collectionsBehaveAsTheLocalStore() {
        Duration timeout = Duration.ofHours(1);
        store.updateCollection("IP", "1.2.3.4", List.of(
                new CollectionChange.Add("counter", 1),
                new CollectionChange.Set("name", "x"),
                new CollectionChange.Set("blocked", "1"),
                new CollectionChange.Expire("blocked", 60)), timeout);
        store.updateCollection("IP", "1.2.3.4", List.of(new CollectionChange.Add("counter", 4)), timeout);
        assertEquals(Map.of("counter", "5", "name", "x", "blocked", "1"), store.loadCollection("IP", "1.2.3.4"));
        clock.advance(Duration.ofSeconds(60));
        assertEquals(Map.of("counter", "5", "name", "x"), store.loadCollection("IP", "1.2.3.4"));
        store.updateCollection("IP", "1.2.3.4", List.of(new CollectionChange.Add("blocked", 1),
                new CollectionChange.Remove("name"), new CollectionChange.Add("counter", -7)), timeout);
        assertEquals(Map.of("counter", "-2", "blocked", "1"), store.loadCollection("IP", "1.2.3.4"));
        assertEquals(Map.of(), store.loadCollection("IP", "9.9.9.9"));
    }

    @Test
    void unreachableServerFailsFastAndCounts() {
        try (RedisStateStore nowhere = RedisStateStore.builder().uri("redis://127.0.0.1:1")
                .connectTimeout(Duration.ofMillis(200)).retryInterval(Duration.ofMinutes(1)).build()) {
            assertThrows(StoreUnavailableException.class, () -> nowhere.increment("c", 1, Duration.ofMinutes(1)));
            long before = nowhere.failures();
            // Paused after the failure: the next calls fail at once without a connection attempt.
            assertThrows(StoreUnavailableException.class, () -> nowhere.ban("ip:1.2.3.4"));
            assertEquals(before + 1, nowhere.failures());
            assertFalse(nowhere.isAvailable());
        }
    }
}
