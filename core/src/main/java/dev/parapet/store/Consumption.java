package dev.parapet.store;

import java.time.Duration;

/**
 * The result of taking tokens from a bucket.
 *
 * @param consumed whether the tokens were taken (the request may pass)
 * @param remainingTokens tokens left after this request
 * @param nanosToWait when refused, how long until enough tokens are back; 0 when consumed
 */
public record Consumption(boolean consumed, long remainingTokens, long nanosToWait) {

    /** The wait rounded up to whole seconds, at least 1, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        long s = (nanosToWait + 999_999_999L) / 1_000_000_000L;
        return Math.max(1, s);
    }

    /** The wait as a duration. */
    public Duration waitTime() {
        return Duration.ofNanos(nanosToWait);
    }
}
