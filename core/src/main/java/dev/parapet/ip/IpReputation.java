package dev.parapet.ip;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Allow and deny lists of addresses and networks, reloaded from files or URLs on a schedule, off the
 * request path. A reload that fails keeps the list's last good entries, so a broken download never
 * empties a deny list. When an address is on both lists the most specific network decides; for the
 * same network, deny wins.
 *
 * <pre>{@code
 * IpReputation reputation = IpReputation.builder()
 *     .deny(IpListSource.url(URI.create("https://www.spamhaus.org/drop/drop.txt")))
 *     .deny(IpListSource.file(Path.of("/etc/parapet/firehol_level1.netset")))
 *     .allow(IpListSource.of("office", List.of("198.51.100.0/24")))
 *     .reloadEvery(Duration.ofHours(1))
 *     .build();
 * reputation.start();           // background reloads; close() stops them
 * }</pre>
 */
public final class IpReputation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpReputation.class);

    /** Where an address stands. */
    public enum Listing {
        /** On an allow list (and on no more specific deny entry). */
        ALLOWED,
        /** On a deny list (and on no more specific allow entry). */
        DENIED,
        /** On neither list. */
        UNLISTED
    }

    /**
     * The state of one list.
     *
     * @param name the source's name
     * @param listing {@link Listing#ALLOWED} or {@link Listing#DENIED}
     * @param networks the entries currently in use
     * @param lastSuccess when the entries in use were loaded, or {@code null} if never
     * @param lastError the message of the last failed load, or {@code null} after a success
     * @param failures failed loads so far
     * @param invalidLines invalid lines skipped in the last good load
     */
    public record SourceStatus(String name, Listing listing, int networks, Instant lastSuccess, String lastError,
            long failures, int invalidLines) {
    }

    private final List<Source> sources;
    private final Duration reloadInterval;
    private final InstantSource clock;
    private volatile CidrSet<Listing> set = CidrSet.empty();
    private final AtomicLong reloads = new AtomicLong();
    private ScheduledExecutorService ownExecutor;
    private ScheduledFuture<?> scheduled;

    private IpReputation(Builder b) {
        this.sources = List.copyOf(b.sources);
        this.reloadInterval = b.reloadInterval;
        this.clock = b.clock;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the address stands. */
    public Listing check(IpAddress address) {
        Listing l = set.lookup(address);
        return l == null ? Listing.UNLISTED : l;
    }

    /** Where the literal stands; an invalid address is {@link Listing#UNLISTED}. */
    public Listing check(String address) {
        IpAddress a = IpAddress.parseOrNull(address);
        return a == null ? Listing.UNLISTED : check(a);
    }

    /**
     * Reloads every list now, on the calling thread. Lists that fail keep their last good entries.
     *
     * @return whether every list loaded
     */
    public boolean reloadNow() {
        boolean allGood = true;
        for (Source s : sources) {
            allGood &= s.reload(clock);
        }
        rebuild();
        reloads.incrementAndGet();
        return allGood;
    }

    /** Starts reloading on a daemon thread of its own every {@code reloadEvery} interval. */
    public synchronized void start() {
        if (ownExecutor == null) {
            ownExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "parapet-ip-reputation-reload");
                t.setDaemon(true);
                return t;
            });
        }
        start(ownExecutor);
    }

    /** Starts reloading on the given scheduler every {@code reloadEvery} interval. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (scheduled != null) {
            return;
        }
        long ms = reloadInterval.toMillis();
        scheduled = scheduler.scheduleWithFixedDelay(() -> {
            try {
                reloadNow();
            } catch (RuntimeException e) {
                LOG.warn("IP list reload failed unexpectedly; keeping the last good lists", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops scheduled reloads. */
    @Override
    public synchronized void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
            ownExecutor = null;
        }
    }

    /** The state of each list. */
    public List<SourceStatus> status() {
        List<SourceStatus> out = new ArrayList<>();
        for (Source s : sources) {
            out.add(s.status());
        }
        return out;
    }

    /** How many reload rounds ran (the initial load included). */
    public long reloadCount() {
        return reloads.get();
    }

    /** The networks in use across all lists. */
    public int size() {
        return set.size();
    }

    private void rebuild() {
        CidrSet.Builder<Listing> b = CidrSet.<Listing>builder()
                .onDuplicate((x, y) -> x == Listing.DENIED || y == Listing.DENIED ? Listing.DENIED : x);
        for (Source s : sources) {
            IpList l = s.current;
            if (l != null) {
                b.addAll(l.networks(), s.listing);
            }
        }
        set = b.build();
    }

    /** One list and its last good load. */
    private static final class Source {
        final IpListSource source;
        final Listing listing;
        volatile IpList current;
        volatile Instant lastSuccess;
        volatile String lastError;
        final AtomicLong failures = new AtomicLong();

        Source(IpListSource source, Listing listing) {
            this.source = source;
            this.listing = listing;
        }

        boolean reload(InstantSource clock) {
            try {
                IpList l = source.load();
                current = l;
                lastSuccess = clock.instant();
                lastError = null;
                if (l.invalidLines() > 0) {
                    LOG.info("IP list {}: {} networks, {} invalid lines skipped", source.name(),
                            l.networks().size(), l.invalidLines());
                }
                return true;
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                lastError = String.valueOf(e.getMessage());
                LOG.warn("IP list {} could not be loaded ({}); keeping {} networks from the last good load",
                        source.name(), e.getMessage(), current == null ? 0 : current.networks().size());
                return false;
            }
        }

        SourceStatus status() {
            IpList l = current;
            return new SourceStatus(source.name(), listing, l == null ? 0 : l.networks().size(), lastSuccess,
                    lastError, failures.get(), l == null ? 0 : l.invalidLines());
        }
    }

    /** Collects lists; not thread-safe. */
    public static final class Builder {
        private final List<Source> sources = new ArrayList<>();
        private Duration reloadInterval = Duration.ofHours(1);
        private InstantSource clock = InstantSource.system();
        private boolean requireInitialLoad = true;

        private Builder() {
        }

        /** Adds an allow list: listed clients skip bans and rate limits. */
        public Builder allow(IpListSource source) {
            sources.add(new Source(Objects.requireNonNull(source, "source"), Listing.ALLOWED));
            return this;
        }

        /** Adds fixed allowed addresses or networks. */
        public Builder allow(String... networks) {
            return allow(IpListSource.of("allow", List.of(networks)));
        }

        /** Adds a deny list: listed clients are refused before any other check. */
        public Builder deny(IpListSource source) {
            sources.add(new Source(Objects.requireNonNull(source, "source"), Listing.DENIED));
            return this;
        }

        /** Adds fixed denied addresses or networks. */
        public Builder deny(String... networks) {
            return deny(IpListSource.of("deny", List.of(networks)));
        }

        /** How often {@link #start()} reloads the lists (default one hour). */
        public Builder reloadEvery(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("reload interval must be positive");
            }
            this.reloadInterval = interval;
            return this;
        }

        /** Whether {@link #build()} fails when a list cannot be loaded the first time (default true). */
        public Builder requireInitialLoad(boolean require) {
            this.requireInitialLoad = require;
            return this;
        }

        /** The clock for status timestamps. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Loads every list once and builds the reputation.
         *
         * @throws IllegalStateException when a list fails to load and {@link #requireInitialLoad} is set
         */
        public IpReputation build() {
            IpReputation r = new IpReputation(this);
            if (!r.reloadNow() && requireInitialLoad) {
                StringBuilder failed = new StringBuilder();
                for (SourceStatus s : r.status()) {
                    if (s.lastError() != null) {
                        failed.append(failed.isEmpty() ? "" : "; ").append(s.name()).append(": ").append(s.lastError());
                    }
                }
                throw new IllegalStateException("IP lists could not be loaded: " + failed);
            }
            return r;
        }
    }
}
