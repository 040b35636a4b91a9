package dev.parapet.spring.internal;

import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.servlet.ExchangeListener;
import dev.parapet.servlet.ExchangeOutcome;
import dev.parapet.spring.ReloadableFirewall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters for Parapet. Tag values come from small fixed sets, except rule ids, of which at most
 * {@code maxRuleTags} distinct values are used (the rest count as {@code other}), so cardinality stays bounded.
 */
public final class ParapetMetrics implements ExchangeListener {

    /** Meter names, as documented in the README. */
    public static final String INSPECTED = "parapet.transactions.inspected";
    public static final String BLOCKED = "parapet.transactions.blocked";
    public static final String DETECTED = "parapet.transactions.detected";
    public static final String THROTTLED = "parapet.transactions.throttled";
    public static final String BANNED = "parapet.transactions.banned";
    public static final String MATCHED = "parapet.rules.matched";
    public static final String INSPECTION = "parapet.inspection";
    public static final String LOAD = "parapet.rules.load";
    public static final String LOADED = "parapet.rules.loaded";
    public static final String BANS_ACTIVE = "parapet.bans.active";

    static final String OTHER = "other";
    private static final Set<String> REASONS = Set.of(TrafficGuard.REASON_BAN, TrafficGuard.REASON_DENY_LIST,
            TrafficGuard.REASON_STORE_UNAVAILABLE);

    private final MeterRegistry registry;
    private final int maxRuleTags;
    private final Set<String> ruleTags = ConcurrentHashMap.newKeySet();
    private final Set<String> policies;

    /**
     * @param registry where meters go
     * @param firewall the firewall in force (rule count gauge, load timer)
     * @param guard the traffic guard, or {@code null}
     * @param policies the configured rate-limit names (the only values of the {@code policy} tag)
     * @param maxRuleTags distinct rule ids used as tag values
     */
    public ParapetMetrics(MeterRegistry registry, ReloadableFirewall firewall, TrafficGuard guard,
            Set<String> policies, int maxRuleTags) {
        this.registry = registry;
        this.maxRuleTags = maxRuleTags;
        this.policies = new HashSet<>(policies);
        Gauge.builder(LOADED, firewall, f -> f.get().ruleCount())
                .description("Rules in force").register(registry);
        if (guard != null) {
            Gauge.builder(BANS_ACTIVE, guard, g -> g.bans().size())
                    .description("Bans in force (up to 1000 counted)").register(registry);
        }
        ReloadableFirewall.Load first = firewall.lastLoad();
        if (first != null) {
            recordLoad(first);
        }
        firewall.onLoad(this::recordLoad);
    }

    private void recordLoad(ReloadableFirewall.Load load) {
        Timer.builder(LOAD).description("Time to read and compile the rules")
                .tag("outcome", load.success() ? "success" : "failure")
                .register(registry).record(load.took());
    }

    @Override
    public void completed(ExchangeOutcome o) {
        String mode = o.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Counter.builder(INSPECTED).description("Transactions inspected").tag("mode", mode)
                .register(registry).increment();
        for (MatchedRule m : o.matchedRules()) {
            if (m.log()) {
                Counter.builder(MATCHED).description("Logged rule matches")
                        .tags("rule", rule(m.id()), "phase", Integer.toString(m.phase()))
                        .register(registry).increment();
            }
        }
        if (o.interruption().isPresent()) {
            Interruption i = o.interruption().get();
            String reason = reason(i.reason());
            Counter.builder(BLOCKED).description("Transactions blocked")
                    .tags("rule", rule(i.ruleId()), "phase", Integer.toString(i.phase()), "reason", reason)
                    .register(registry).increment();
            if (i.reason() != null && i.reason().startsWith(TrafficGuard.REASON_RATE_LIMIT)) {
                String policy = i.reason().substring(TrafficGuard.REASON_RATE_LIMIT.length());
                Counter.builder(THROTTLED).description("Transactions refused by a rate limit")
                        .tag("policy", policies.contains(policy) ? policy : OTHER)
                        .register(registry).increment();
            } else if (TrafficGuard.REASON_BAN.equals(i.reason())) {
                Counter.builder(BANNED).description("Transactions refused because the client is banned")
                        .register(registry).increment();
            }
        } else {
            o.disruptiveMatches().stream().findFirst().ifPresent(m ->
                    Counter.builder(DETECTED).description("Transactions that would have been blocked (detection-only)")
                            .tags("rule", rule(m.id()), "phase", Integer.toString(m.phase()))
                            .register(registry).increment());
        }
        Timer.builder(INSPECTION).description("Time to read and inspect requests (phases 1 and 2)")
                .tag("outcome", o.blocked() ? "blocked" : "passed")
                .register(registry).record(o.inspectionNanos(), TimeUnit.NANOSECONDS);
    }

    private String rule(int id) {
        String tag = Integer.toString(id);
        if (ruleTags.contains(tag)) {
            return tag;
        }
        // Racy by at most a few entries over the bound under contention, which is harmless.
        if (ruleTags.size() < maxRuleTags) {
            ruleTags.add(tag);
            return tag;
        }
        return OTHER;
    }

    private static String reason(String reason) {
        if (reason == null) {
            return "rule";
        }
        if (reason.startsWith(TrafficGuard.REASON_RATE_LIMIT)) {
            return "rate-limit";
        }
        return REASONS.contains(reason) ? reason : OTHER;
    }
}
