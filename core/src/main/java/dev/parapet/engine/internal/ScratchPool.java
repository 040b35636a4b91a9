package dev.parapet.engine.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Scratch} memory kept between transactions. A CRS transaction touches a few hundred regex patterns and
 * scans hundreds of values; each transaction borrows one scratch and gives it back when it closes.
 *
 * <p>The pool keeps at most {@code capacity} idle scratches; more concurrent transactions simply make new
 * ones, and a scratch a huge request has grown is dropped instead of kept.
 */
public final class ScratchPool {

    private final ConcurrentLinkedQueue<Scratch> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final int capacity;

    /** A pool keeping up to {@code capacity} idle scratches. */
    public ScratchPool(int capacity) {
        this.capacity = capacity;
    }

    /**
     * A pool for a server: up to 64 idle scratches (a CRS transaction's holds a few hundred matchers, tens of
     * KB). Servlet containers run far more concurrent requests than processors, and a transaction that finds
     * no idle scratch pays for creating every matcher again.
     */
    public static ScratchPool standard() {
        return new ScratchPool(64);
    }

    /** A scratch for one transaction's exclusive use. */
    public Scratch borrow() {
        Scratch s = idle.poll();
        if (s == null) {
            return new Scratch();
        }
        idleCount.decrementAndGet();
        return s;
    }

    /** Takes a scratch back, cleared (an idle pool holds no request data). */
    public void giveBack(Scratch s) {
        if (!s.retainable()) {
            return;
        }
        if (idleCount.incrementAndGet() > capacity) {
            idleCount.decrementAndGet();
            return;
        }
        s.clear();
        idle.offer(s);
    }

    /** Idle scratches right now (for tests). */
    public int idle() {
        return idleCount.get();
    }
}
