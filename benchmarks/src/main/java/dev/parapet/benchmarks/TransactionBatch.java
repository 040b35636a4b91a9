package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.util.function.LongUnaryOperator;

/**
 * Runs batches of whole transactions of one shape against one built rule set; {@link #applyAsLong} runs
 * {@code n} of them and returns the bytes the calling thread allocated meanwhile. {@link AbCompare} loads one
 * per build, each in its own class loader, and times them alternately.
 */
public final class TransactionBatch implements LongUnaryOperator {

    private final Firewall firewall;
    private final HttpExchange exchange;

    /** Builds {@code ruleset} (a {@link RulesetFixture} name) and the exchange of {@code shape} (a {@link RequestShape}). */
    public TransactionBatch(String ruleset, String shape) {
        this.firewall = RulesetFixture.valueOf(ruleset).build();
        this.exchange = RequestShape.valueOf(shape).exchange();
    }

    @Override
    public long applyAsLong(long n) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long sink = 0;
        for (long i = 0; i < n; i++) {
            sink += TransactionRunner.run(firewall, exchange).matchedRules();
        }
        if (sink == Long.MIN_VALUE) {
            System.out.print(""); // keeps the results alive
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
