package dev.parapet.benchmarks.ratelimit;

import dev.parapet.store.BucketSpec;
import dev.parapet.store.redis.RedisServer;
import dev.parapet.store.redis.RedisStateStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A Redis-backed rate-limit check (Bucket4j compare-and-swap over Lettuce) against a redis-server
 * started on a free loopback port, over 1,000 keys. Each check is a network round trip, so throughput
 * grows with concurrent callers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisRateLimitBenchmark {

    private static final int KEYS = 1_000;

    private RedisServer server;
    private RedisStateStore store;
    private BucketSpec spec;
    private String[] keys;

    @Setup(Level.Trial)
    public void setUp() {
        if (RedisServer.find() == null) {
            throw new IllegalStateException("redis-server is not installed (apt-get install redis-server)");
        }
        server = RedisServer.startOrSkip();
        store = RedisStateStore.builder().uri(server.uri()).commandTimeout(Duration.ofSeconds(2)).build();
        spec = BucketSpec.perPeriod(1_000_000_000L, Duration.ofSeconds(1));
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "bench:198.51." + (i >> 8) + "." + (i & 255);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        server.stop();
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public boolean redisTryConsume(Cursor c) {
        return store.tryConsume(keys[c.next++ % KEYS], spec, 1).consumed();
    }

    @Benchmark
    @Threads(4)
    public boolean redisTryConsume4Threads(Cursor c) {
        return store.tryConsume(keys[c.next++ % KEYS], spec, 1).consumed();
    }
}
