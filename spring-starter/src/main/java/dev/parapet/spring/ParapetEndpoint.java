package dev.parapet.spring;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleDescriptor;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.spring.internal.RecentBlocks;
import dev.parapet.store.Ban;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code parapet}: a read operation reports the rules in force, the mode, recent blocks, bans
 * and rate-limit state; a write operation reloads the rules ({@code {"action":"reload"}}) or lifts a ban ({@code
 * {"action":"unban","key":"ip:203.0.113.9"}}). Expose it with {@code management.endpoints.web.exposure.include} and
 * protect it like every other write endpoint: it can change what the firewall does.
 */
@Endpoint(id = "parapet")
public class ParapetEndpoint {

    /**
     * The loaded rules.
     *
     * @param count how many
     * @param byFile rule ids per source file, in load order
     * @param componentSignatures the {@code SecComponentSignature} values
     * @param lastLoad the last load (startup or reload), or null for an application-defined firewall
     * @param reloadable whether the write operation can reload them
     */
    public record RulesReport(int count, Map<String, List<Integer>> byFile, List<String> componentSignatures,
            ReloadableFirewall.Load lastLoad, boolean reloadable) {
    }

    /**
     * One rate limit.
     *
     * @param name the instance name
     * @param limit requests per period
     * @param period the period
     * @param key what requests count together
     */
    public record RateLimitReport(String name, long limit, Duration period, List<String> key) {
    }

    /**
     * Rate limits and their counters.
     *
     * @param policies the configured instances
     * @param stats the guard's counters since startup, or null when the guard is the application's own
     */
    public record RateLimitsReport(List<RateLimitReport> policies, TrafficGuard.Stats stats) {
    }

    /**
     * What the read operation returns.
     *
     * @param mode the rule engine mode in force
     * @param rules the loaded rules
     * @param recentBlocks the last blocked exchanges, newest first
     * @param bans the bans in force
     * @param rateLimits rate limits and counters
     */
    public record Report(String mode, RulesReport rules, List<RecentBlocks.Block> recentBlocks, List<Ban> bans,
            RateLimitsReport rateLimits) {
    }

    /**
     * What the write operation did.
     *
     * @param action the action requested
     * @param success whether it did what was asked
     * @param message what happened
     * @param load for a reload, the load's details
     */
    public record ActionResult(String action, boolean success, String message, ReloadableFirewall.Load load) {
    }

    private final ReloadableFirewall firewall;
    private final RecentBlocks recentBlocks;
    private final TrafficGuard guard;
    private final ParapetProperties properties;

    /**
     * @param firewall the firewall in force
     * @param recentBlocks the recent blocks
     * @param guard the traffic guard, or {@code null}
     * @param properties the configuration (for the rate-limit report)
     */
    public ParapetEndpoint(ReloadableFirewall firewall, RecentBlocks recentBlocks, TrafficGuard guard,
            ParapetProperties properties) {
        this.firewall = firewall;
        this.recentBlocks = recentBlocks;
        this.guard = guard;
        this.properties = properties;
    }

    /** The state of the firewall. */
    @ReadOperation
    public Report report() {
        Firewall f = firewall.get();
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (RuleDescriptor r : f.rules()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r.id());
        }
        RulesReport rules = new RulesReport(f.ruleCount(), byFile, f.componentSignatures(), firewall.lastLoad(),
                firewall.reloadable());
        List<RateLimitReport> policies = new ArrayList<>();
        ParapetProperties.RateLimit rl = properties.getRateLimit();
        for (String name : rl.getInstances().keySet()) {
            ParapetProperties.RateLimitSpec spec = rl.resolve(name);
            policies.add(new RateLimitReport(name, spec.getLimit(), spec.getPeriod(),
                    spec.getKey() == null ? List.of("client-ip") : List.copyOf(spec.getKey())));
        }
        return new Report(f.settings().ruleEngine().name().toLowerCase(Locale.ROOT).replace('_', '-'), rules,
                recentBlocks.list(), guard == null ? List.of() : guard.bans(),
                new RateLimitsReport(policies, guard == null ? null : guard.stats()));
    }

    /**
     * Reloads the rules ({@code action=reload}) or lifts a ban ({@code action=unban} with {@code key}, e.g.
     * {@code ip:203.0.113.9}).
     */
    @WriteOperation
    public ActionResult act(String action, @Nullable String key) {
        return switch (action.strip().toLowerCase(Locale.ROOT)) {
            case "reload" -> reload();
            case "unban" -> unban(key);
            default -> new ActionResult(action, false, "unknown action; use reload or unban", null);
        };
    }

    private ActionResult reload() {
        if (!firewall.reloadable()) {
            return new ActionResult("reload", false,
                    "the Firewall bean is defined by the application and cannot be reloaded", null);
        }
        ReloadableFirewall.Load load = firewall.reload();
        return new ActionResult("reload", load.success(), load.success()
                ? "reloaded " + load.rules() + " rules"
                : "reload failed; the previous rules stay in force: " + load.error(), load);
    }

    private ActionResult unban(String key) {
        if (guard == null) {
            return new ActionResult("unban", false, "no traffic guard is configured", null);
        }
        if (key == null || key.isBlank()) {
            return new ActionResult("unban", false, "key is required, e.g. ip:203.0.113.9", null);
        }
        boolean lifted = guard.unban(key.strip());
        return new ActionResult("unban", lifted, lifted ? "ban on " + key + " lifted" : "no ban on " + key, null);
    }
}
