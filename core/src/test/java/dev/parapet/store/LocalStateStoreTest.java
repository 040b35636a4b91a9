package dev.parapet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStateStoreTest {

    private final ManualClock clock = new ManualClock();
    private final LocalStateStore store = LocalStateStore.builder().clock(clock).build();

    @Test
    void bucketRefillsContinuously() {
        BucketSpec tenPerMinute = BucketSpec.perPeriod(10, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertTrue(store.tryConsume("k", tenPerMinute, 1).consumed(), "request " + i);
        }
        Consumption refused = store.tryConsume("k", tenPerMinute, 1);
        assertFalse(refused.consumed());
        assertEquals(Duration.ofSeconds(6), refused.waitTime()); // one token every 6 s
        assertEquals(6, refused.retryAfterSeconds());
        clock.advance(Duration.ofMillis(5999));
        assertFalse(store.tryConsume("k", tenPerMinute, 1).consumed());
        assertEquals(1, store.tryConsume("k", tenPerMinute, 1).retryAfterSeconds()); // 1 ms rounds up to 1 s
        clock.advance(Duration.ofMillis(1));
        assertTrue(store.tryConsume("k", tenPerMinute, 1).consumed());
        assertFalse(store.tryConsume("k", tenPerMinute, 1).consumed());
        clock.advance(Duration.ofMinutes(10)); // long idle: full again, never more than capacity
        for (int i = 0; i < 10; i++) {
            assertTrue(store.tryConsume("k", tenPerMinute, 1).consumed());
        }
        assertFalse(store.tryConsume("k", tenPerMinute, 1).consumed());
        assertTrue(store.tryConsume("other", tenPerMinute, 1).consumed(), "keys are independent");
    }

    @Test
    void fixedWindowRefillsAtTheEdge() {
        BucketSpec spec = new BucketSpec(List.of(new BucketSpec.Limit(3, 3, Duration.ofSeconds(10), false)));
        for (int i = 0; i < 3; i++) {
            assertTrue(store.tryConsume("w", spec, 1).consumed());
        }
        assertFalse(store.tryConsume("w", spec, 1).consumed());
        clock.advance(Duration.ofMillis(9999));
        assertFalse(store.tryConsume("w", spec, 1).consumed());
        clock.advance(Duration.ofMillis(1));
        for (int i = 0; i < 3; i++) {
            assertTrue(store.tryConsume("w", spec, 1).consumed());
        }
        assertFalse(store.tryConsume("w", spec, 1).consumed());
    }

    @Test
    void everyLimitOfABucketMustHaveATokenForARequestToPass() {
        BucketSpec spec = new BucketSpec(List.of(
                new BucketSpec.Limit(2, 2, Duration.ofSeconds(1), true),
                new BucketSpec.Limit(5, 5, Duration.ofMinutes(1), true)));
        int passed = 0;
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 3; i++) {
                passed += store.tryConsume("m", spec, 1).consumed() ? 1 : 0;
            }
            clock.advanceSeconds(1);
        }
        // 2 per second alone would pass 20; the per-minute limit (5, plus 0.75 refilled in 9 s) caps it.
        assertEquals(5, passed);
    }

    @Test
    void counterWindowStartsAtTheFirstEventAndEndsExactly() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(1, store.increment("c", 1, minute));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(3, store.increment("c", 2, minute));
        clock.advance(Duration.ofMillis(999));
        assertEquals(4, store.increment("c", 1, minute));
        clock.advance(Duration.ofMillis(1)); // exactly one window after the first event
        assertEquals(1, store.increment("c", 1, minute));
        store.resetCounter("c");
        assertEquals(5, store.increment("c", 5, minute));
    }

    @Test
    void bansExpireAndCanBeLifted() {
        Instant now = clock.instant();
        store.putBan(new Ban("ip:1.2.3.4", now, now.plusSeconds(60), 1, "test"));
        store.putBan(new Ban("ip:5.6.7.8", now, now.plusSeconds(30), 1, "test"));
        store.putBan(new Ban("ip:9.9.9.9", now.minusSeconds(10), now, 1, "already over"));
        assertTrue(store.ban("ip:1.2.3.4").isPresent());
        assertFalse(store.ban("ip:9.9.9.9").isPresent());
        assertEquals(List.of("ip:5.6.7.8", "ip:1.2.3.4"), store.bans(10).stream().map(Ban::key).toList());
        assertEquals(1, store.bans(1).size());
        clock.advanceSeconds(30);
        assertFalse(store.ban("ip:5.6.7.8").isPresent());
        assertTrue(store.removeBan("ip:1.2.3.4"));
        assertFalse(store.removeBan("ip:1.2.3.4"));
        assertTrue(store.bans(10).isEmpty());
    }

    @Test
    void collectionsApplyChangesAndExpireVariables() {
        Duration timeout = Duration.ofHours(1);
        assertEquals(Map.of(), store.loadCollection("IP", "1.2.3.4"));
        store.updateCollection("IP", "1.2.3.4", List.of(
                new CollectionChange.Add("counter", 1),
                new CollectionChange.Set("name", "x"),
                new CollectionChange.Set("blocked", "1"),
                new CollectionChange.Expire("blocked", 60)), timeout);
        store.updateCollection("IP", "1.2.3.4", List.of(new CollectionChange.Add("counter", 4)), timeout);
        assertEquals(Map.of("counter", "5", "name", "x", "blocked", "1"), store.loadCollection("IP", "1.2.3.4"));
        assertEquals(Map.of(), store.loadCollection("IP", "5.6.7.8"));
        assertEquals(Map.of(), store.loadCollection("USER", "1.2.3.4"));

        clock.advanceSeconds(60);
        assertEquals(Map.of("counter", "5", "name", "x"), store.loadCollection("IP", "1.2.3.4"));
        // An expired numeric variable counts from zero again.
        store.updateCollection("IP", "1.2.3.4", List.of(new CollectionChange.Add("blocked", 1),
                new CollectionChange.Remove("name")), timeout);
        assertEquals(Map.of("counter", "5", "blocked", "1"), store.loadCollection("IP", "1.2.3.4"));

        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(2, store.loadCollection("IP", "1.2.3.4").size());
        clock.advanceSeconds(1); // an hour after the last update, the whole collection is gone
        assertEquals(Map.of(), store.loadCollection("IP", "1.2.3.4"));
    }

    @Test
    void bucketCacheIsBounded() {
        LocalStateStore small = LocalStateStore.builder().clock(clock).maxBuckets(100).build();
        BucketSpec one = BucketSpec.perPeriod(1, Duration.ofHours(1));
        for (int i = 0; i < 10_000; i++) {
            small.tryConsume("k" + i, one, 1);
        }
        // Evicted keys start over with a full bucket: the bound trades accuracy for memory.
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            refused += small.tryConsume("k" + i, one, 1).consumed() ? 0 : 1;
        }
        assertTrue(refused <= 200, "at most the retained buckets remember their keys: " + refused);
    }
}
