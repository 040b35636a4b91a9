package dev.parapet.store.redis;

import dev.parapet.store.Ban;
import dev.parapet.store.BucketSpec;
import dev.parapet.store.CollectionChange;
import dev.parapet.store.Consumption;
import dev.parapet.store.StateStore;
import dev.parapet.store.StoreUnavailableException;
import dev.parapet.store.TimeSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateStore} in Redis, shared by every instance that points at the same server and key prefix.
 * Token buckets use Bucket4j's Lettuce integration (compare-and-swap in Lua); counters, bans and SecLang
 * collections use Lua scripts of their own, so each update is atomic on the server.
 *
 * <p>Every command has a timeout. When Redis fails or times out the operation throws
 * {@link StoreUnavailableException} (the caller's fail-open/fail-closed policy decides), the failure is
 * counted in {@link #failures()}, and the store stops calling Redis for {@code retryInterval} so that
 * requests do not each wait for a timeout while it is down. The connection reconnects by itself.
 *
 * <pre>{@code
 * RedisStateStore store = RedisStateStore.builder()
 *     .uri("redis://redis.internal:6379")
 *     .keyPrefix("shop:")
 *     .commandTimeout(Duration.ofMillis(100))
 *     .build();
 * TrafficGuard guard = TrafficGuard.builder().store(store).onStoreFailure(FailurePolicy.FAIL_OPEN)...;
 * }</pre>
 *
 * <p>Buckets are computed with this JVM's clock; instances sharing a store should run NTP.
 */
public final class RedisStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStateStore.class);

    private static final String EXPIRE_PREFIX = "__expire_";

    /** INCRBY, starting the window's expiry with the first increment. */
    private static final Script INCREMENT = new Script("""
            local v = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return v
            """);

    /** Stores a ban and indexes it by end time; ARGV: value, ttl ms, until ms, key. */
    private static final Script PUT_BAN = new Script("""
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
            return 1
            """);

    /** Lifts a ban; returns whether one was stored. */
    private static final Script REMOVE_BAN = new Script("""
            redis.call('ZREM', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """);

    /**
     * Applies collection changes: ARGV[1] now (ms), ARGV[2] collection timeout (ms), then triples of
     * operation (S set, A add, R remove, E expire), name, argument. Expired variables are dropped first,
     * so a counter that expired starts from zero, as in the local store.
     */
    private static final Script UPDATE_COLLECTION = new Script("""
            local now = tonumber(ARGV[1])
            local function live(name)
              local exp = redis.call('HGET', KEYS[1], '__expire_' .. name)
              if exp and tonumber(exp) <= now then
                redis.call('HDEL', KEYS[1], name, '__expire_' .. name)
                return false
              end
              return redis.call('HEXISTS', KEYS[1], name) == 1
            end
            local i = 3
            while i <= #ARGV do
              local op, name, arg = ARGV[i], ARGV[i + 1], ARGV[i + 2]
              if op == 'S' then
                live(name)
                redis.call('HSET', KEYS[1], name, arg)
              elseif op == 'A' then
                local n = 0
                if live(name) then
                  local m = string.match(redis.call('HGET', KEYS[1], name), '^%s*([+-]?%d+)')
                  if m then n = tonumber(m) end
                end
                redis.call('HSET', KEYS[1], name, string.format('%d', n + tonumber(arg)))
              elseif op == 'R' then
                redis.call('HDEL', KEYS[1], name, '__expire_' .. name)
              elseif op == 'E' then
                if live(name) then
                  redis.call('HSET', KEYS[1], '__expire_' .. name, string.format('%d', now + tonumber(arg) * 1000))
                end
              end
              i = i + 3
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """);

    private final RedisURI uri;
    private final String prefix;
    private final Duration commandTimeout;
    private final Duration retryInterval;
    private final InstantSource clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final LongAdder failures = new LongAdder();
    private final LongAdder operations = new LongAdder();
    private final Map<BucketSpec, BucketConfiguration> configurations = new ConcurrentHashMap<>();

    private final Object connectLock = new Object();
    private volatile Connections connections;
    private volatile long pausedUntilNanos;
    private volatile boolean failing;

    /** The two connections: strings for scripts, byte values for Bucket4j. */
    private record Connections(StatefulRedisConnection<String, String> strings,
            StatefulRedisConnection<String, byte[]> bytes, ProxyManager<String> buckets) {
        void close() {
            strings.close();
            bytes.close();
        }
    }

    /** A Lua script run by its SHA-1, loaded again when Redis has forgotten it (after a restart). */
    private record Script(String source, String sha) {
        Script(String source) {
            this(source, sha1(source));
        }
    }

    private RedisStateStore(Builder b) {
        this.uri = b.uri;
        this.prefix = b.prefix;
        this.commandTimeout = b.commandTimeout;
        this.retryInterval = b.retryInterval;
        this.clock = b.clock;
        this.uri.setTimeout(commandTimeout);
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.constant(b.reconnectDelay))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, fail at once instead of queueing: the caller's policy decides.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(b.connectTimeout).keepAlive(true).build())
                .build());
        try {
            connections();
        } catch (StoreUnavailableException e) {
            LOG.warn("Redis at {} not reachable yet ({}); will retry on use", safeUri(), e.getMessage());
        }
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- buckets -------------------------------------------------------------------------------

    @Override
    public Consumption tryConsume(String key, BucketSpec spec, long tokens) {
        return call("tryConsume", () -> {
            BucketConfiguration config = configurations.computeIfAbsent(spec, BucketSpec::toBucket4j);
            ConsumptionProbe probe = connections().buckets().builder()
                    .build(prefix + "b:" + key, () -> config)
                    .tryConsumeAndReturnRemaining(tokens);
            return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                    probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
        });
    }

    // ---- counters ------------------------------------------------------------------------------

    @Override
    public long increment(String key, long amount, Duration window) {
        return call("increment", () -> {
            Long v = eval(INCREMENT, ScriptOutputType.INTEGER, new String[] {prefix + "c:" + key},
                    Long.toString(amount), Long.toString(Math.max(1, window.toMillis())));
            return v == null ? 0 : v;
        });
    }

    @Override
    public void resetCounter(String key) {
        call("resetCounter", () -> commands().del(prefix + "c:" + key));
    }

    // ---- bans ----------------------------------------------------------------------------------

    @Override
    public void putBan(Ban ban) {
        Objects.requireNonNull(ban, "ban");
        long now = clock.millis();
        long ttl = ban.until().toEpochMilli() - now;
        if (ttl <= 0) {
            removeBan(ban.key());
            return;
        }
        call("putBan", () -> eval(PUT_BAN, ScriptOutputType.INTEGER,
                new String[] {prefix + "ban:" + ban.key(), prefix + "bans"},
                encode(ban), Long.toString(ttl), Long.toString(ban.until().toEpochMilli()), ban.key(),
                Long.toString(now)));
    }

    @Override
    public Optional<Ban> ban(String key) {
        String value = call("ban", () -> commands().get(prefix + "ban:" + key));
        if (value == null) {
            return Optional.empty();
        }
        Ban b = decode(key, value);
        return b != null && b.activeAt(clock.instant()) ? Optional.of(b) : Optional.empty();
    }

    @Override
    public boolean removeBan(String key) {
        Long removed = call("removeBan", () -> eval(REMOVE_BAN, ScriptOutputType.INTEGER,
                new String[] {prefix + "ban:" + key, prefix + "bans"}, key));
        return removed != null && removed > 0;
    }

    @Override
    public List<Ban> bans(int limit) {
        return call("bans", () -> {
            RedisCommands<String, String> c = commands();
            long now = clock.millis();
            List<String> keys = c.zrangebyscore(prefix + "bans",
                    io.lettuce.core.Range.create((double) now, Double.POSITIVE_INFINITY),
                    io.lettuce.core.Limit.create(0, limit));
            List<Ban> out = new ArrayList<>();
            if (keys.isEmpty()) {
                return out;
            }
            String[] full = keys.stream().map(k -> prefix + "ban:" + k).toArray(String[]::new);
            List<io.lettuce.core.KeyValue<String, String>> values = c.mget(full);
            for (int i = 0; i < values.size(); i++) {
                io.lettuce.core.KeyValue<String, String> kv = values.get(i);
                if (kv.hasValue()) {
                    Ban b = decode(keys.get(i), kv.getValue());
                    if (b != null && b.activeAt(clock.instant())) {
                        out.add(b);
                    }
                }
            }
            return out;
        });
    }

    private static String encode(Ban b) {
        return b.since().toEpochMilli() + "|" + b.until().toEpochMilli() + "|" + b.level() + "|" + b.reason();
    }

    private static Ban decode(String key, String value) {
        String[] parts = value.split("\\|", 4);
        if (parts.length < 4) {
            return null;
        }
        try {
            return new Ban(key, Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    Instant.ofEpochMilli(Long.parseLong(parts[1])), Integer.parseInt(parts[2]), parts[3]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- collections ---------------------------------------------------------------------------

    @Override
    public Map<String, String> loadCollection(String collection, String key) {
        Map<String, String> raw = call("loadCollection", () -> commands().hgetall(collectionKey(collection, key)));
        long now = clock.millis();
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (name.startsWith(EXPIRE_PREFIX)) {
                return;
            }
            String expiry = raw.get(EXPIRE_PREFIX + name);
            if (expiry == null || parseLongOr(expiry, Long.MAX_VALUE) > now) {
                out.put(name, value);
            }
        });
        return out;
    }

    @Override
    public void updateCollection(String collection, String key, List<CollectionChange> changes, Duration timeout) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(2 + changes.size() * 3);
        args.add(Long.toString(clock.millis()));
        args.add(Long.toString(Math.max(1, timeout.toMillis())));
        for (CollectionChange c : changes) {
            switch (c) {
                case CollectionChange.Set s -> args.addAll(List.of("S", s.name(), s.value()));
                case CollectionChange.Add a -> args.addAll(List.of("A", a.name(), Long.toString(a.delta())));
                case CollectionChange.Remove r -> args.addAll(List.of("R", r.name(), ""));
                case CollectionChange.Expire e -> args.addAll(List.of("E", e.name(), Long.toString(e.seconds())));
            }
        }
        call("updateCollection", () -> eval(UPDATE_COLLECTION, ScriptOutputType.INTEGER,
                new String[] {collectionKey(collection, key)}, args.toArray(String[]::new)));
    }

    private String collectionKey(String collection, String key) {
        return prefix + "col:" + collection + ":" + key;
    }

    private static long parseLongOr(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** Failed operations so far (timeouts, refused connections, skipped while paused). */
    public long failures() {
        return failures.sum();
    }

    /** Operations attempted so far. */
    public long operations() {
        return operations.sum();
    }

    /** Whether the last operation succeeded. */
    public boolean isAvailable() {
        return !failing;
    }

    private RedisCommands<String, String> commands() {
        return connections().strings().sync();
    }

    @SuppressWarnings("unchecked")
    private <T> T eval(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisCommands<String, String> c = commands();
        try {
            return (T) c.evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException e) {
            return (T) c.eval(script.source(), type, keys, args);
        }
    }

    /** Runs one Redis operation under the pause-after-failure rule; failures become StoreUnavailable. */
    private <T> T call(String operation, Supplier<T> body) {
        operations.increment();
        long pause = pausedUntilNanos;
        if (pause != 0 && System.nanoTime() - pause < 0) {
            failures.increment();
            throw new StoreUnavailableException("Redis " + operation + " skipped: unavailable, retrying in "
                    + retryInterval);
        }
        try {
            T result = body.get();
            if (failing) {
                failing = false;
                pausedUntilNanos = 0;
                LOG.info("Redis at {} available again", safeUri());
            }
            return result;
        } catch (StoreUnavailableException e) {
            markFailed(operation, e);
            throw e;
        } catch (RuntimeException e) {
            // Lettuce and Bucket4j report timeouts and connection loss as unchecked exceptions.
            StoreUnavailableException wrapped = new StoreUnavailableException("Redis " + operation + " failed: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            markFailed(operation, wrapped);
            throw wrapped;
        }
    }

    private void markFailed(String operation, StoreUnavailableException e) {
        failures.increment();
        pausedUntilNanos = System.nanoTime() + retryInterval.toNanos();
        if (!failing) {
            failing = true;
            LOG.warn("Redis at {} unavailable during {}: {}; callers apply their failure policy, retrying every {}",
                    safeUri(), operation, e.getMessage(), retryInterval);
        } else {
            LOG.debug("Redis {} failed: {}", operation, e.getMessage());
        }
    }

    private Connections connections() {
        Connections c = connections;
        if (c != null) {
            return c;
        }
        synchronized (connectLock) {
            if (connections == null) {
                StatefulRedisConnection<String, String> strings = null;
                try {
                    strings = client.connect(StringCodec.UTF8);
                    StatefulRedisConnection<String, byte[]> bytes =
                            client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(bytes)
                            .clientClock(TimeSource.timeMeter(clock))
                            .requestTimeout(commandTimeout)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                    connections = new Connections(strings, bytes, buckets);
                } catch (RuntimeException e) {
                    if (strings != null) {
                        strings.close();
                    }
                    throw new StoreUnavailableException("cannot connect to Redis at " + safeUri() + ": "
                            + e.getMessage(), e);
                }
            }
            return connections;
        }
    }

    /** The address without credentials, for logs. */
    private String safeUri() {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    @Override
    public void close() {
        synchronized (connectLock) {
            if (connections != null) {
                connections.close();
                connections = null;
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** Configures a Redis store; not thread-safe. */
    public static final class Builder {
        private RedisURI uri = RedisURI.create("redis://127.0.0.1:6379");
        private String prefix = "parapet:";
        private Duration commandTimeout = Duration.ofMillis(250);
        private Duration connectTimeout = Duration.ofSeconds(1);
        private Duration retryInterval = Duration.ofSeconds(1);
        private Duration reconnectDelay = Duration.ofMillis(200);
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /** The server, e.g. {@code redis://:password@host:6379/0} or {@code rediss://host} for TLS. */
        public Builder uri(String redisUri) {
            this.uri = RedisURI.create(Objects.requireNonNull(redisUri, "redisUri"));
            return this;
        }

        /** The server. */
        public Builder uri(RedisURI redisUri) {
            this.uri = Objects.requireNonNull(redisUri, "redisUri");
            return this;
        }

        /** A prefix for every key (default {@code parapet:}), to keep applications sharing a server apart. */
        public Builder keyPrefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** How long one command may take before it counts as a failure (default 250 ms). */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive(timeout);
            return this;
        }

        /** How long connecting may take (default 1 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** After a failure, how long to fail at once without calling Redis (default 1 s). */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = positive(interval);
            return this;
        }

        /** The delay between reconnect attempts (default 200 ms). */
        public Builder reconnectDelay(Duration delay) {
            this.reconnectDelay = positive(delay);
            return this;
        }

        /** The clock for buckets, bans and expiries (give the guard the same one). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
            return d;
        }

        /** Builds the store and tries to connect; an unreachable server is retried on use. */
        public RedisStateStore build() {
            return new RedisStateStore(this);
        }
    }
}
