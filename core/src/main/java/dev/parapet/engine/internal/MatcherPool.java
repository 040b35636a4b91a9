package dev.parapet.engine.internal;

import java.util.IdentityHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * Regex matchers kept between transactions. A SafeRE matcher is cheap to reuse but costly to create (its
 * first search sets up per-matcher engine state), and a CRS transaction touches a few hundred patterns, so
 * each transaction borrows one pattern-to-matcher map and gives it back when it closes.
 *
 * <p>Matchers are not thread-safe: a borrowed map belongs to one transaction until it is given back. The pool
 * keeps at most {@code capacity} idle maps; more concurrent transactions simply make new ones.
 */
public final class MatcherPool {

    private final ConcurrentLinkedQueue<IdentityHashMap<Pattern, Matcher>> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int capacity;

    /** A pool keeping up to {@code capacity} idle matcher maps. */
    public MatcherPool(int capacity) {
        this.capacity = capacity;
    }

    /**
     * A pool for a server: up to 64 idle maps (a CRS transaction's map holds a few hundred matchers, tens of
     * KB). Servlet containers run far more concurrent requests than processors, and a transaction that finds
     * no idle map pays for creating every matcher again.
     */
    public static MatcherPool standard() {
        return new MatcherPool(64);
    }

    /** A map for one transaction's exclusive use. */
    public IdentityHashMap<Pattern, Matcher> borrow() {
        IdentityHashMap<Pattern, Matcher> map = idle.poll();
        if (map == null) {
            return new IdentityHashMap<>();
        }
        idleCount.decrementAndGet();
        return map;
    }

    /**
     * Takes a map back. Its matchers are reset to the empty string first, so an idle pool holds no request
     * data (a matcher otherwise keeps its last input alive).
     */
    public void giveBack(IdentityHashMap<Pattern, Matcher> map) {
        if (idleCount.incrementAndGet() > capacity) {
            idleCount.decrementAndGet();
            return;
        }
        for (Matcher m : map.values()) {
            m.reset("");
        }
        idle.offer(map);
    }

    /** Idle maps right now (for tests). */
    public int idle() {
        return idleCount.get();
    }
}
