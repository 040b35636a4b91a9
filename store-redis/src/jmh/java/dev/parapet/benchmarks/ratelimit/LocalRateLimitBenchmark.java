package dev.parapet.benchmarks.ratelimit;

import dev.parapet.engine.ClientRequest;
import dev.parapet.ratelimit.RateLimitPolicy;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.store.BucketSpec;
import dev.parapet.store.LocalStateStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * A local rate-limit check: one Bucket4j bucket per key in the bounded Caffeine cache, over 10,000 keys;
 * and the whole guard admission (client IP resolution, ban lookup, one policy).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocalRateLimitBenchmark {

    private static final int KEYS = 10_000;

    private LocalStateStore store;
    private BucketSpec spec;
    private String[] keys;
    private TrafficGuard guard;
    private ClientRequest[] requests;

    @Setup
    public void setUp() {
        store = LocalStateStore.create();
        // Large enough that every request is admitted: the check, not the refusal, is measured.
        spec = BucketSpec.perPeriod(1_000_000_000L, Duration.ofSeconds(1));
        keys = new String[KEYS];
        requests = new ClientRequest[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "rl:bench:198.51." + (i >> 8) + "." + (i & 255);
            requests[i] = new FixedRequest("198.51." + (i >> 8) + "." + (i & 255));
        }
        guard = TrafficGuard.builder()
                .limit(RateLimitPolicy.builder("per-ip").limit(1_000_000_000L, Duration.ofSeconds(1)).build())
                .build();
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public boolean localTryConsume(Cursor c) {
        int i = c.next++ % KEYS;
        return store.tryConsume(keys[i], spec, 1).consumed();
    }

    @Benchmark
    @Threads(2)
    public boolean localTryConsume2Threads(Cursor c) {
        int i = c.next++ % KEYS;
        return store.tryConsume(keys[i], spec, 1).consumed();
    }

    @Benchmark
    public boolean guardAdmit(Cursor c) {
        int i = c.next++ % KEYS;
        return guard.admit(requests[i]).interruption().isEmpty();
    }
}
