package dev.parapet.engine.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Platform threads that run rule phases for transactions driven from virtual threads.
 *
 * <p>The regex engine (SafeRE) keeps each pattern's lazily built automata per thread. A server that starts a
 * virtual thread per request would therefore rebuild the automata of every pattern a request touches, on every
 * request: about five times the CPU of a warm thread under CRS. A few long-lived platform threads keep them warm;
 * handing a phase to one costs about 10–15 µs of CPU.
 *
 * <p>Threads start on demand, up to the configured count, and end after a minute without work, so a firewall
 * that is dropped leaves no threads behind.
 */
public final class InspectionThreads {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

    private final ThreadPoolExecutor executor;

    /** Up to {@code threads} platform threads (at least one). */
    public InspectionThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        executor = new ThreadPoolExecutor(threads, threads, IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("parapet-inspection-", 1).daemon(true).factory());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Whether work from the current thread is better run here. */
    public static boolean wanted() {
        return Thread.currentThread().isVirtual();
    }

    /**
     * Runs {@code work} on an inspection thread and waits for it. The wait cannot be cut short: the work changes
     * the caller's transaction, so the caller must not go on before it ends. An interrupt that arrives meanwhile
     * is kept on the caller's thread. What the work throws is thrown here.
     */
    public <T> T call(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What to throw for the work's failure: the same exception, or a checked one wrapped. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error e) {
            throw e;
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException("rule phase failed", cause);
    }

    /** Threads alive right now (for tests). */
    public int threadCount() {
        return executor.getPoolSize();
    }
}
