package dev.parapet.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link StateStore} in this JVM: Bucket4j buckets, counters, bans and collections in Caffeine caches
 * bounded in size, each entry forgotten when it expires or goes idle. State is lost on restart and not
 * shared between instances; use the Redis store for that.
 */
public final class LocalStateStore implements StateStore {

    private final InstantSource clock;
    private final TimeMeter timeMeter;
    private final Cache<String, BucketEntry> buckets;
    private final Cache<String, Window> counters;
    private final Cache<String, Ban> bans;
    private final Cache<String, StoredCollection> collections;

    private record BucketEntry(Bucket bucket, Duration idle) {
    }

    private record Window(long count, long expiresAtNanos) {
    }

    private record StoredValue(String value, long expiresAtMillis) {
        boolean liveAt(long nowMillis) {
            return expiresAtMillis == 0 || nowMillis < expiresAtMillis;
        }
    }

    /** Variables of one collection; guarded by its own monitor. */
    private static final class StoredCollection {
        final Map<String, StoredValue> values = new HashMap<>();
        long expiresAtNanos;
    }

    private LocalStateStore(Builder b) {
        this.clock = b.clock;
        this.timeMeter = TimeSource.timeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(b.maxBuckets)
                .ticker(TimeSource.ticker(clock))
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, BucketEntry>accessing((k, v) -> v.idle()))
                .build();
        this.counters = Caffeine.newBuilder()
                .maximumSize(b.maxCounters)
                .ticker(TimeSource.ticker(clock))
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, Window>writing((k, w) ->
                        Duration.ofNanos(Math.max(0, w.expiresAtNanos() - TimeSource.epochNanos(clock)))))
                .build();
        this.bans = Caffeine.newBuilder()
                .maximumSize(b.maxBans)
                .ticker(TimeSource.ticker(clock))
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, Ban>writing((k, ban) ->
                        nonNegative(Duration.between(clock.instant(), ban.until()))))
                .build();
        this.collections = Caffeine.newBuilder()
                .maximumSize(b.maxCollections)
                .ticker(TimeSource.ticker(clock))
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, StoredCollection>writing((k, c) ->
                        Duration.ofNanos(Math.max(0, c.expiresAtNanos - TimeSource.epochNanos(clock)))))
                .build();
    }

    /** A store with default bounds on the system clock. */
    public static LocalStateStore create() {
        return builder().build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    @Override
    public Consumption tryConsume(String key, BucketSpec spec, long tokens) {
        BucketEntry entry = buckets.get(key, k -> {
            LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(timeMeter);
            for (Bandwidth limit : spec.toBucket4j().getBandwidths()) {
                b.addLimit(limit);
            }
            return new BucketEntry(b.build(), spec.timeToFull());
        });
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(tokens);
        return new Consumption(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    @Override
    public long increment(String key, long amount, Duration window) {
        long now = TimeSource.epochNanos(clock);
        Window w = counters.asMap().compute(key, (k, old) -> {
            if (old == null || now >= old.expiresAtNanos()) {
                return new Window(amount, now + window.toNanos());
            }
            return new Window(old.count() + amount, old.expiresAtNanos());
        });
        return w.count();
    }

    @Override
    public void resetCounter(String key) {
        counters.invalidate(key);
    }

    @Override
    public void putBan(Ban ban) {
        Objects.requireNonNull(ban, "ban");
        if (ban.activeAt(clock.instant())) {
            bans.put(ban.key(), ban);
        } else {
            bans.invalidate(ban.key());
        }
    }

    @Override
    public Optional<Ban> ban(String key) {
        Ban b = bans.getIfPresent(key);
        if (b == null || !b.activeAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(b);
    }

    @Override
    public boolean removeBan(String key) {
        Ban b = bans.asMap().remove(key);
        return b != null && b.activeAt(clock.instant());
    }

    @Override
    public List<Ban> bans(int limit) {
        Instant now = clock.instant();
        List<Ban> out = new ArrayList<>();
        for (Ban b : bans.asMap().values()) {
            if (b.activeAt(now)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Ban::until).thenComparing(Ban::key));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public Map<String, String> loadCollection(String collection, String key) {
        StoredCollection c = collections.getIfPresent(collectionKey(collection, key));
        if (c == null) {
            return Map.of();
        }
        long now = clock.millis();
        Map<String, String> out = new LinkedHashMap<>();
        synchronized (c) {
            c.values.forEach((name, v) -> {
                if (v.liveAt(now)) {
                    out.put(name, v.value());
                }
            });
        }
        return out;
    }

    @Override
    public void updateCollection(String collection, String key, List<CollectionChange> changes, Duration timeout) {
        long nowMillis = clock.millis();
        long expires = TimeSource.epochNanos(clock) + timeout.toNanos();
        collections.asMap().compute(collectionKey(collection, key), (k, existing) -> {
            StoredCollection c = existing != null ? existing : new StoredCollection();
            synchronized (c) {
                for (CollectionChange change : changes) {
                    apply(c, change, nowMillis);
                }
                c.values.values().removeIf(v -> !v.liveAt(nowMillis));
                c.expiresAtNanos = expires;
            }
            return c;
        });
    }

    private static void apply(StoredCollection c, CollectionChange change, long now) {
        String name = change.name();
        StoredValue old = c.values.get(name);
        if (old != null && !old.liveAt(now)) {
            old = null;
        }
        long keepExpiry = old == null ? 0 : old.expiresAtMillis();
        switch (change) {
            case CollectionChange.Set s -> c.values.put(name, new StoredValue(s.value(), keepExpiry));
            case CollectionChange.Add a -> c.values.put(name, new StoredValue(
                    Long.toString(Numbers.parseLong(old == null ? null : old.value()) + a.delta()), keepExpiry));
            case CollectionChange.Remove r -> c.values.remove(name);
            case CollectionChange.Expire e -> {
                if (old != null) {
                    c.values.put(name, new StoredValue(old.value(), now + Math.max(0, e.seconds()) * 1000));
                }
            }
        }
    }

    private static String collectionKey(String collection, String key) {
        return collection + '\u0000' + key;
    }

    /** Bounds and clock of a local store. */
    public static final class Builder {
        private InstantSource clock = InstantSource.system();
        private long maxBuckets = 100_000;
        private long maxCounters = 100_000;
        private long maxBans = 100_000;
        private long maxCollections = 100_000;

        private Builder() {
        }

        /** The clock (tests move it by hand). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The most rate-limit buckets kept; the least recently used go first (default 100,000). */
        public Builder maxBuckets(long n) {
            this.maxBuckets = n;
            return this;
        }

        /** The most offense counters kept (default 100,000). */
        public Builder maxCounters(long n) {
            this.maxCounters = n;
            return this;
        }

        /** The most bans kept (default 100,000). */
        public Builder maxBans(long n) {
            this.maxBans = n;
            return this;
        }

        /** The most persistent collections kept (default 100,000). */
        public Builder maxCollections(long n) {
            this.maxCollections = n;
            return this;
        }

        /** Builds the store. */
        public LocalStateStore build() {
            return new LocalStateStore(this);
        }
    }
}
