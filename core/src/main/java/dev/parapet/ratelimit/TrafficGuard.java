package dev.parapet.ratelimit;

import dev.parapet.engine.ClientRequest;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Protection;
import dev.parapet.engine.Transaction;
import dev.parapet.ip.ClientIpResolver;
import dev.parapet.ip.IpAddress;
import dev.parapet.ip.IpReputation;
import dev.parapet.store.Ban;
import dev.parapet.store.Consumption;
import dev.parapet.store.FailurePolicy;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.Numbers;
import dev.parapet.store.StateStore;
import dev.parapet.store.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IP lists, automatic bans and rate limits in front of the rules. Plug it into a firewall with
 * {@code Firewall.builder().protection(guard)}; every transaction then goes through these checks in
 * {@code processRequestHeaders()}, in this order, before phase 1:
 *
 * <ol>
 *   <li><b>deny/allow lists</b> ({@link IpReputation}): a denied client gets 403 ({@code ip-deny-list});
 *       an allowed one skips bans and rate limits (the rules still run);</li>
 *   <li><b>bans</b>: a banned client gets 403 with {@code Retry-After} until the ban ends ({@code ban});</li>
 *   <li><b>rate limits</b>, in the order added: the first policy whose bucket is empty answers 429 with
 *       {@code Retry-After} ({@code rate-limit:NAME}); later policies are not charged;</li>
 *   <li>the <b>rule phases</b>.</li>
 * </ol>
 *
 * Bans are checked under the {@link BanPolicy}'s key ({@link RateKey#clientIp()} without a policy, so
 * bans made by hand still apply). After phase 5 the guard counts blocked requests and anomaly scores towards a {@link BanPolicy}.
 * When the {@link StateStore} is unavailable, {@link FailurePolicy#FAIL_OPEN} skips the check and
 * {@link FailurePolicy#FAIL_CLOSED} answers 503 ({@code store-unavailable}); either way it is logged and
 * counted in {@link #stats()}.
 *
 * <pre>{@code
 * TrafficGuard guard = TrafficGuard.builder()
 *     .clientIp(ClientIpResolver.builder().trustedProxies("10.0.0.0/8").build())
 *     .limit(RateLimitPolicy.builder("per-ip").limit(100, Duration.ofMinutes(1)).build())
 *     .bans(BanPolicy.builder().afterBlocks(5, Duration.ofMinutes(1)).build())
 *     .build();
 * Firewall fw = Firewall.builder().file(crsSetup).protection(guard).build();
 * }</pre>
 */
public final class TrafficGuard implements Protection {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficGuard.class);

    /** Reason of an interruption for a deny-listed address. */
    public static final String REASON_DENY_LIST = "ip-deny-list";
    /** Reason of an interruption for a banned client. */
    public static final String REASON_BAN = "ban";
    /** Reason prefix of a rate-limit throttle, followed by the policy name. */
    public static final String REASON_RATE_LIMIT = "rate-limit:";
    /** Reason of a fail-closed refusal while the store is unavailable. */
    public static final String REASON_STORE_UNAVAILABLE = "store-unavailable";

    /**
     * Counters since the guard was built.
     *
     * @param admitted requests let on to the rules
     * @param denyListed refused by a deny list
     * @param allowListed let through by an allow list (bans and limits skipped)
     * @param bannedRefused refused because of a ban
     * @param throttled refused by a rate limit
     * @param bansIssued automatic bans handed out
     * @param storeFailures store operations that failed
     * @param failedOpen checks skipped because of a store failure
     * @param failedClosed requests refused because of a store failure
     */
    public record Stats(long admitted, long denyListed, long allowListed, long bannedRefused, long throttled,
            long bansIssued, long storeFailures, long failedOpen, long failedClosed) {
    }

    private final ClientIpResolver resolver;
    private final IpReputation reputation;
    private final List<RateLimitPolicy> policies;
    private final BanPolicy banPolicy;
    private final StateStore store;
    private final FailurePolicy failurePolicy;
    private final InstantSource clock;
    private final RateKey banKey;

    private final LongAdder admitted = new LongAdder();
    private final LongAdder denyListed = new LongAdder();
    private final LongAdder allowListed = new LongAdder();
    private final LongAdder bannedRefused = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder bansIssued = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder failedOpen = new LongAdder();
    private final LongAdder failedClosed = new LongAdder();
    private volatile boolean storeFailing;

    private TrafficGuard(Builder b) {
        this.resolver = b.resolver;
        this.reputation = b.reputation;
        this.policies = List.copyOf(b.policies);
        this.banPolicy = b.banPolicy;
        this.store = b.store != null ? b.store : LocalStateStore.builder().clock(b.clock).build();
        this.failurePolicy = b.failurePolicy;
        this.clock = b.clock;
        this.banKey = b.banPolicy != null ? b.banPolicy.key() : RateKey.clientIp();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Admission admit(ClientRequest raw) {
        IpAddress client = resolve(raw);
        GuardedRequest request = new GuardedRequest(raw, client);

        // 1. deny/allow lists
        if (reputation != null && client != null) {
            switch (reputation.check(client)) {
                case DENIED -> {
                    denyListed.increment();
                    return verdict(request, Interruption.refuse(403, 0, REASON_DENY_LIST), false);
                }
                case ALLOWED -> {
                    allowListed.increment();
                    return Admission.pass();
                }
                default -> {
                }
            }
        }
        try {
            // 2. bans (automatic or by hand)
            String key = banKey(request);
            if (key != null) {
                Optional<Ban> ban = store.ban(key);
                if (ban.isPresent()) {
                    bannedRefused.increment();
                    long seconds = secondsUntil(ban.get().until());
                    return verdict(request, Interruption.refuse(403, seconds, REASON_BAN), false);
                }
            }
            // 3. rate limits
            for (RateLimitPolicy p : policies) {
                if (!p.scope().test(request)) {
                    continue;
                }
                String value = p.key().valueOf(request);
                if (value == null) {
                    continue;
                }
                Consumption c = store.tryConsume("rl:" + p.name() + ":" + value, p.bucket(), p.cost());
                if (!c.consumed()) {
                    throttled.increment();
                    LOG.debug("throttled {} by {} for {}s", value, p.name(), c.retryAfterSeconds());
                    return verdict(request, Interruption.throttle(c.retryAfterSeconds(), REASON_RATE_LIMIT + p.name()),
                            true);
                }
            }
            storeRecovered();
        } catch (StoreUnavailableException e) {
            storeFailed(e);
            if (failurePolicy == FailurePolicy.FAIL_CLOSED) {
                failedClosed.increment();
                return verdict(request, Interruption.refuse(503, 1, REASON_STORE_UNAVAILABLE), false);
            }
            failedOpen.increment();
        }
        admitted.increment();
        return banPolicy == null ? Admission.pass() : new Verdict(request, Optional.empty(), true);
    }

    private Admission verdict(GuardedRequest request, Interruption interruption, boolean countsTowardsBan) {
        return new Verdict(request, Optional.of(interruption), countsTowardsBan && banPolicy != null);
    }

    /** One transaction's verdict; counts its outcome towards a ban when it ends. */
    private final class Verdict implements Admission {
        private final GuardedRequest request;
        private final Optional<Interruption> interruption;
        private final boolean accountable;

        Verdict(GuardedRequest request, Optional<Interruption> interruption, boolean accountable) {
            this.request = request;
            this.interruption = interruption;
            this.accountable = accountable;
        }

        @Override
        public Optional<Interruption> interruption() {
            return interruption;
        }

        @Override
        public void completed(Transaction transaction) {
            if (accountable) {
                account(request, transaction);
            }
        }
    }

    private void account(GuardedRequest request, Transaction tx) {
        String key = banKey(request);
        if (key == null) {
            return;
        }
        try {
            Optional<Interruption> stop = tx.interruption();
            boolean blocked = stop.isPresent() && (!stop.get().byProtection()
                    || (banPolicy.countThrottled() && stop.get().status() == 429));
            String reason = null;
            if (blocked && banPolicy.maxBlocks() > 0) {
                long n = store.increment("bc:" + key, 1, banPolicy.blockWindow());
                if (n >= banPolicy.maxBlocks()) {
                    reason = n + " blocked requests within " + banPolicy.blockWindow();
                }
            }
            long score = Numbers.parseLong(tx.tx("blocking_inbound_anomaly_score"));
            if (reason == null && score > 0 && banPolicy.maxAnomalyScore() > 0) {
                long total = store.increment("as:" + key, score, banPolicy.scoreWindow());
                if (total >= banPolicy.maxAnomalyScore()) {
                    reason = "anomaly score " + total + " within " + banPolicy.scoreWindow();
                }
            }
            if (reason != null) {
                issueBan(key, reason);
            }
        } catch (StoreUnavailableException e) {
            storeFailed(e);
        }
    }

    private void issueBan(String key, String reason) {
        store.resetCounter("bc:" + key);
        store.resetCounter("as:" + key);
        int level = (int) Math.min(Integer.MAX_VALUE,
                store.increment("bo:" + key, 1, banPolicy.offenseMemory()));
        Duration d = banPolicy.durationFor(level);
        Instant now = clock.instant();
        store.putBan(new Ban(key, now, now.plus(d), level, reason));
        bansIssued.increment();
        LOG.info("banned {} for {} (level {}): {}", key, d, level, reason);
    }

    private IpAddress resolve(ClientRequest request) {
        String header = resolver.headerName();
        return resolver.resolve(request.remoteAddress(), header == null ? List.of() : request.headers(header));
    }

    private String banKey(GuardedRequest request) {
        String value = banKey.valueOf(request);
        return value == null ? null : banKey.name() + ":" + value;
    }

    private long secondsUntil(Instant until) {
        long ms = Duration.between(clock.instant(), until).toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }

    private void storeFailed(StoreUnavailableException e) {
        storeFailures.increment();
        if (!storeFailing) {
            storeFailing = true;
            LOG.warn("state store unavailable ({}); failing {} until it recovers", e.getMessage(),
                    failurePolicy == FailurePolicy.FAIL_OPEN ? "open" : "closed");
        }
    }

    private void storeRecovered() {
        if (storeFailing) {
            storeFailing = false;
            LOG.info("state store available again");
        }
    }

    // ---- administration ------------------------------------------------------------------------

    /** The bans in force, soonest-ending first (at most 1,000). */
    public List<Ban> bans() {
        return store.bans(1000);
    }

    /** The ban in force on a key such as {@code ip:203.0.113.9}, if any. */
    public Optional<Ban> ban(String key) {
        return store.ban(key);
    }

    /** Bans a key such as {@code ip:203.0.113.9} by hand. */
    public Ban ban(String key, Duration duration, String reason) {
        Instant now = clock.instant();
        Ban b = new Ban(key, now, now.plus(duration), 0, reason);
        store.putBan(b);
        LOG.info("banned {} for {} by hand: {}", key, duration, reason);
        return b;
    }

    /** Bans a client address by hand, under {@code ip:ADDRESS} (for a ban key of {@link RateKey#clientIp()}). */
    public Ban banIp(String address, Duration duration, String reason) {
        IpAddress a = IpAddress.parse(address).orElseThrow(() ->
                new IllegalArgumentException("invalid IP address " + address));
        return ban(ipKey(a), duration, reason);
    }

    /** Lifts a ban; whether one was in force. Escalation memory is kept. */
    public boolean unban(String key) {
        boolean lifted = store.removeBan(key);
        if (lifted) {
            LOG.info("unbanned {}", key);
        }
        return lifted;
    }

    /** Lifts the ban on a client address. */
    public boolean unbanIp(String address) {
        IpAddress a = IpAddress.parseOrNull(address);
        return a != null && unban(ipKey(a));
    }

    private static String ipKey(IpAddress a) {
        return "ip:" + a;
    }

    /** Counters since the guard was built. */
    public Stats stats() {
        return new Stats(admitted.sum(), denyListed.sum(), allowListed.sum(), bannedRefused.sum(), throttled.sum(),
                bansIssued.sum(), storeFailures.sum(), failedOpen.sum(), failedClosed.sum());
    }

    /** The store holding buckets and bans. */
    public StateStore store() {
        return store;
    }

    /** Configures a guard; not thread-safe. */
    public static final class Builder {
        private ClientIpResolver resolver = ClientIpResolver.direct();
        private IpReputation reputation;
        private final List<RateLimitPolicy> policies = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private BanPolicy banPolicy;
        private StateStore store;
        private FailurePolicy failurePolicy = FailurePolicy.FAIL_OPEN;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /** How to find the client address (default: the direct peer, no proxy trusted). */
        public Builder clientIp(ClientIpResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Allow and deny lists, checked first. */
        public Builder reputation(IpReputation reputation) {
            this.reputation = Objects.requireNonNull(reputation, "reputation");
            return this;
        }

        /** Adds a rate limit; policies are checked in the order added. */
        public Builder limit(RateLimitPolicy policy) {
            if (!names.add(policy.name())) {
                throw new IllegalArgumentException("duplicate rate limit name " + policy.name());
            }
            policies.add(policy);
            return this;
        }

        /** Automatic bans. */
        public Builder bans(BanPolicy policy) {
            this.banPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where buckets, counters and bans live (default: a {@link LocalStateStore} on the guard's clock). */
        public Builder store(StateStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** What to do when the store is unavailable (default {@link FailurePolicy#FAIL_OPEN}). */
        public Builder onStoreFailure(FailurePolicy policy) {
            this.failurePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock for bans (tests move it by hand); give the store the same one. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the guard. */
        public TrafficGuard build() {
            return new TrafficGuard(this);
        }
    }
}
