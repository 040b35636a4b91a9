package dev.parapet.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock a test moves by hand, starting at the real time (Redis TTLs run on real time). */
final class MutableClock implements InstantSource {

    private volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
