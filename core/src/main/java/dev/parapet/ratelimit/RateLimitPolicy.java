package dev.parapet.ratelimit;

import dev.parapet.store.BucketSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rate-based rule: requests in {@link #scope()} with equal {@link #key()} share a token bucket; a request
 * that finds it empty is throttled with 429 and {@code Retry-After}.
 *
 * <pre>{@code
 * RateLimitPolicy login = RateLimitPolicy.builder("login")
 *     .key(RateKey.clientIp())
 *     .scope(Scope.methods("POST").and(Scope.pathPrefix("/login")))
 *     .limit(5, Duration.ofMinutes(1))
 *     .build();
 * }</pre>
 *
 * @param name a unique name, used in store keys and in the interruption's reason ({@code rate-limit:login})
 * @param key what requests count together
 * @param scope which requests count at all
 * @param bucket the bucket's limits
 * @param cost tokens one request takes
 */
public record RateLimitPolicy(String name, RateKey key, Scope scope, BucketSpec bucket, long cost) {

    public RateLimitPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(bucket, "bucket");
        if (name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("policy name must be non-empty and without ':'");
        }
        if (cost <= 0) {
            throw new IllegalArgumentException("cost must be positive");
        }
    }

    /** Starts a builder for a policy with a unique name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Configures a policy; not thread-safe. */
    public static final class Builder {
        private final String name;
        private RateKey key = RateKey.clientIp();
        private Scope scope = Scope.all();
        private final List<BucketSpec.Limit> limits = new ArrayList<>();
        private long cost = 1;

        private Builder(String name) {
            this.name = name;
        }

        /** What requests count together (default {@link RateKey#clientIp()}). */
        public Builder key(RateKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Which requests count (default all). */
        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** At most {@code requests} per {@code period}, refilled continuously. */
        public Builder limit(long requests, Duration period) {
            limits.add(new BucketSpec.Limit(requests, requests, period, true));
            return this;
        }

        /** A bucket of {@code capacity} refilled with {@code refill} tokens per {@code period}. */
        public Builder limit(long capacity, long refill, Duration period) {
            limits.add(new BucketSpec.Limit(capacity, refill, period, true));
            return this;
        }

        /** A limit whose tokens come back all at once at the end of each period (a fixed window). */
        public Builder fixedWindow(long requests, Duration period) {
            limits.add(new BucketSpec.Limit(requests, requests, period, false));
            return this;
        }

        /** Tokens each request takes (default 1). */
        public Builder cost(long tokens) {
            this.cost = tokens;
            return this;
        }

        /** Builds the policy; at least one limit is needed. */
        public RateLimitPolicy build() {
            return new RateLimitPolicy(name, key, scope, new BucketSpec(limits), cost);
        }
    }
}
