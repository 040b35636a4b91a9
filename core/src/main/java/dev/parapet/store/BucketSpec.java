package dev.parapet.store;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a token bucket: one or more limits that must all have a token for a request to pass,
 * e.g. 100 per minute and a burst of 20 per second.
 *
 * @param limits at least one limit
 */
public record BucketSpec(List<Limit> limits) {

    /**
     * One limit.
     *
     * @param capacity the most tokens the bucket holds (the burst)
     * @param refillTokens how many tokens come back each {@code period}
     * @param period the refill period
     * @param greedy whether tokens come back continuously ({@code true}) or all at once at the end of each period
     */
    public record Limit(long capacity, long refillTokens, Duration period, boolean greedy) {
        public Limit {
            Objects.requireNonNull(period, "period");
            if (capacity <= 0 || refillTokens <= 0 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs positive capacity, refill and period");
            }
        }
    }

    public BucketSpec {
        limits = List.copyOf(limits);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a bucket needs at least one limit");
        }
    }

    /** {@code requests} per {@code period}, refilled continuously, bursting up to {@code requests}. */
    public static BucketSpec perPeriod(long requests, Duration period) {
        return new BucketSpec(List.of(new Limit(requests, requests, period, true)));
    }

    /** The time after which an untouched bucket is full again, so a store may forget it. */
    public Duration timeToFull() {
        Duration longest = Duration.ZERO;
        for (Limit l : limits) {
            // ceil(capacity / refill) periods
            long periods = (l.capacity() + l.refillTokens() - 1) / l.refillTokens();
            Duration d = l.period().multipliedBy(periods);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    /** The equivalent Bucket4j configuration. */
    public BucketConfiguration toBucket4j() {
        ConfigurationBuilder b = BucketConfiguration.builder();
        for (Limit l : limits) {
            b.addLimit(l.greedy()
                    ? Bandwidth.builder().capacity(l.capacity()).refillGreedy(l.refillTokens(), l.period()).build()
                    : Bandwidth.builder().capacity(l.capacity()).refillIntervally(l.refillTokens(), l.period()).build());
        }
        return b.build();
    }
}
