package dev.parapet.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirewallHolderTest {

    @Test
    void lazyHolderBuildsOnFirstGetOnly() {
        AtomicInteger builds = new AtomicInteger();
        FirewallHolder holder = FirewallHolder.lazy(() -> {
            builds.incrementAndGet();
            return InlineRules.firewall();
        });

        assertFalse(holder.isBuilt());
        assertEquals(0, builds.get());
        Firewall first = holder.get();
        assertSame(first, holder.get());
        assertTrue(holder.isBuilt());
        assertEquals(1, builds.get());
    }

    @Test
    void eagerHolderBuildsImmediately() {
        AtomicInteger builds = new AtomicInteger();
        FirewallHolder holder = FirewallHolder.eager(() -> {
            builds.incrementAndGet();
            return InlineRules.firewall();
        });

        assertTrue(holder.isBuilt());
        assertEquals(1, builds.get());
    }

    @Test
    void failureIsKeptAndNotRetried() {
        AtomicInteger builds = new AtomicInteger();
        FirewallHolder holder = FirewallHolder.lazy(() -> {
            builds.incrementAndGet();
            throw new IllegalArgumentException("bad rules");
        });

        IllegalStateException first = assertThrows(IllegalStateException.class, holder::get);
        assertThrows(IllegalStateException.class, holder::get);
        assertEquals(1, builds.get());
        assertTrue(first.getMessage().contains("bad rules"));
        assertTrue(first.getCause() instanceof IllegalArgumentException);
    }

    @Test
    void nullFromTheFactoryIsAFailure() {
        FirewallHolder holder = FirewallHolder.lazy(() -> null);

        assertThrows(IllegalStateException.class, holder::get);
    }

    @Test
    void racingFirstCallsBuildOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        FirewallHolder holder = FirewallHolder.lazy(() -> {
            builds.incrementAndGet();
            return InlineRules.firewall();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Firewall>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return holder.get();
                }));
            }
            start.countDown();
            Firewall first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Firewall> f : results) {
                assertSame(first, f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }
}
