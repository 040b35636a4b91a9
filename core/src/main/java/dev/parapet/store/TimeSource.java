package dev.parapet.store;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import java.time.InstantSource;

/** Adapts one {@link InstantSource} to the clocks of Bucket4j and Caffeine, so tests can move time by hand. */
public final class TimeSource {

    private TimeSource() {
    }

    /** Nanoseconds since the epoch. */
    public static long epochNanos(InstantSource clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** A Bucket4j clock reading {@code clock}. */
    public static TimeMeter timeMeter(InstantSource clock) {
        if (clock.equals(InstantSource.system())) {
            return TimeMeter.SYSTEM_MILLISECONDS;
        }
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return epochNanos(clock);
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** A Caffeine ticker reading {@code clock}. */
    public static Ticker ticker(InstantSource clock) {
        return clock.equals(InstantSource.system()) ? Ticker.systemTicker() : () -> epochNanos(clock);
    }
}
