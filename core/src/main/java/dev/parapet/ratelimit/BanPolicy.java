package dev.parapet.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Automatic bans, as fail2ban or CrowdSec would hand them out: a client whose requests were blocked
 * {@code maxBlocks} times within {@code blockWindow}, or whose inbound anomaly scores add up to
 * {@code maxAnomalyScore} within {@code scoreWindow}, is refused for {@code banDuration}. Each further ban
 * within {@code offenseMemory} lasts {@code escalation} times longer, up to {@code maxBanDuration}.
 *
 * <p>Windows are fixed and start with the first counted event; a ban resets the counters.
 *
 * @param key whom to ban (usually {@link RateKey#clientIp()})
 * @param maxBlocks blocked requests that trigger a ban, or 0 to ignore blocks
 * @param blockWindow the window for {@code maxBlocks}
 * @param maxAnomalyScore cumulative {@code tx.blocking_inbound_anomaly_score} that triggers a ban, or 0
 * @param scoreWindow the window for {@code maxAnomalyScore}
 * @param banDuration the first ban's length
 * @param escalation how much longer each repeat ban is (1 = always the same)
 * @param maxBanDuration the longest ban
 * @param offenseMemory how long earlier bans count towards escalation
 * @param countThrottled whether 429 throttles count as blocks (rule blocks always count)
 */
public record BanPolicy(RateKey key, int maxBlocks, Duration blockWindow, long maxAnomalyScore, Duration scoreWindow,
        Duration banDuration, double escalation, Duration maxBanDuration, Duration offenseMemory,
        boolean countThrottled) {

    public BanPolicy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(blockWindow, "blockWindow");
        Objects.requireNonNull(scoreWindow, "scoreWindow");
        Objects.requireNonNull(banDuration, "banDuration");
        Objects.requireNonNull(maxBanDuration, "maxBanDuration");
        Objects.requireNonNull(offenseMemory, "offenseMemory");
        if (maxBlocks < 0 || maxAnomalyScore < 0 || (maxBlocks == 0 && maxAnomalyScore == 0)) {
            throw new IllegalArgumentException("a ban policy needs a block count or an anomaly score threshold");
        }
        if (!positive(blockWindow) || !positive(scoreWindow) || !positive(banDuration) || !positive(offenseMemory)
                || maxBanDuration.compareTo(banDuration) < 0) {
            throw new IllegalArgumentException("ban windows and durations must be positive, max >= first ban");
        }
        if (!(escalation >= 1.0) || Double.isInfinite(escalation)) {
            throw new IllegalArgumentException("escalation must be a finite factor >= 1");
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** Starts a builder (defaults: per client IP, 10-minute first ban doubling up to a day, remembered a day). */
    public static Builder builder() {
        return new Builder();
    }

    /** The length of a ban at {@code level} (1 for the first). */
    public Duration durationFor(int level) {
        double factor = Math.pow(escalation, Math.max(0, level - 1));
        double millis = banDuration.toMillis() * factor;
        if (millis >= maxBanDuration.toMillis() || Double.isInfinite(millis)) {
            return maxBanDuration;
        }
        return Duration.ofMillis((long) millis);
    }

    /** Configures a ban policy; not thread-safe. */
    public static final class Builder {
        private RateKey key = RateKey.clientIp();
        private int maxBlocks;
        private Duration blockWindow = Duration.ofMinutes(1);
        private long maxAnomalyScore;
        private Duration scoreWindow = Duration.ofMinutes(10);
        private Duration banDuration = Duration.ofMinutes(10);
        private double escalation = 2.0;
        private Duration maxBanDuration = Duration.ofDays(1);
        private Duration offenseMemory = Duration.ofDays(1);
        private boolean countThrottled = true;

        private Builder() {
        }

        /** Whom to ban (default {@link RateKey#clientIp()}). */
        public Builder key(RateKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Ban after {@code blocks} blocked requests within {@code window}. */
        public Builder afterBlocks(int blocks, Duration window) {
            this.maxBlocks = blocks;
            this.blockWindow = window;
            return this;
        }

        /** Ban when inbound anomaly scores add up to {@code score} within {@code window}. */
        public Builder afterAnomalyScore(long score, Duration window) {
            this.maxAnomalyScore = score;
            this.scoreWindow = window;
            return this;
        }

        /** The first ban's length (default 10 minutes). */
        public Builder banFor(Duration duration) {
            this.banDuration = duration;
            return this;
        }

        /** Repeat bans last {@code factor} times longer, up to {@code max} (default 2, one day). */
        public Builder escalate(double factor, Duration max) {
            this.escalation = factor;
            this.maxBanDuration = max;
            return this;
        }

        /** How long earlier bans count towards escalation (default one day). */
        public Builder rememberOffensesFor(Duration memory) {
            this.offenseMemory = memory;
            return this;
        }

        /** Whether 429 throttles count as blocks (default true). */
        public Builder countThrottled(boolean count) {
            this.countThrottled = count;
            return this;
        }

        /** Builds the policy. */
        public BanPolicy build() {
            return new BanPolicy(key, maxBlocks, blockWindow, maxAnomalyScore, scoreWindow, banDuration, escalation,
                    maxBanDuration, offenseMemory, countThrottled);
        }
    }
}
