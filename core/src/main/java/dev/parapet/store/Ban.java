package dev.parapet.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A client refused until a point in time.
 *
 * @param key what is banned, e.g. {@code ip:203.0.113.9}
 * @param since when the ban started
 * @param until when it ends
 * @param level 1 for a first ban, 2 for the next one within the offense memory, and so on
 * @param reason why, e.g. {@code 5 blocked requests in PT1M}
 */
public record Ban(String key, Instant since, Instant until, int level, String reason) {

    public Ban {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        reason = reason == null ? "" : reason;
    }

    /** Whether the ban is in force at {@code now}. */
    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
