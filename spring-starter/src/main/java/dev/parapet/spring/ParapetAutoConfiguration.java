package dev.parapet.spring;

import dev.parapet.audit.AuditLog;
import dev.parapet.audit.AuditSink;
import dev.parapet.audit.FileAuditSink;
import dev.parapet.audit.Slf4jAuditSink;
import dev.parapet.engine.Firewall;
import dev.parapet.ip.ClientIpResolver;
import dev.parapet.ip.IpListSource;
import dev.parapet.ip.IpReputation;
import dev.parapet.ratelimit.BanPolicy;
import dev.parapet.ratelimit.RateLimitPolicy;
import dev.parapet.ratelimit.Scope;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.servlet.ExchangeListener;
import dev.parapet.servlet.ParapetFilter;
import dev.parapet.spring.internal.ExchangeListeners;
import dev.parapet.spring.internal.FirewallFactory;
import dev.parapet.spring.internal.ModeConverters;
import dev.parapet.spring.internal.PathExcludingFilter;
import dev.parapet.spring.internal.RateKeys;
import dev.parapet.spring.internal.RecentBlocks;
import dev.parapet.store.StateStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Protects a Spring Boot application with Parapet: builds the firewall from {@code parapet.*} properties (Parapet's
 * bundled rules by default), a {@link TrafficGuard} for IP sets, bans and rate limits, an audit log, and registers
 * {@link ParapetFilter} in a servlet web application. Each bean backs off when the application defines its own; a
 * {@link Firewall} bean of the application's replaces the built one (and cannot be hot-reloaded).
 */
@AutoConfiguration
@ConditionalOnClass({Firewall.class, ParapetFilter.class})
@ConditionalOnProperty(prefix = "parapet", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ParapetProperties.class)
public class ParapetAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ParapetAutoConfiguration.class);

    /** Lets {@code parapet.mode: on} work in YAML, which reads a bare on as a boolean. */
    @Bean
    @ConfigurationPropertiesBinding
    static ModeConverters.FromBoolean parapetModeFromBoolean() {
        return new ModeConverters.FromBoolean();
    }

    /** Reads on, off and detection-only in any case and spelling of the separator. */
    @Bean
    @ConfigurationPropertiesBinding
    static ModeConverters.FromString parapetModeFromString() {
        return new ModeConverters.FromString();
    }

    /** Allow and deny lists, when {@code parapet.ip-sets.*} names any. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(IpSetsConfigured.class)
    public IpReputation parapetIpReputation(ParapetProperties properties) {
        ParapetProperties.IpSets sets = properties.getIpSets();
        IpReputation.Builder b = IpReputation.builder();
        if (!sets.getAllow().isEmpty()) {
            b.allow(IpListSource.of("parapet.ip-sets.allow", sets.getAllow()));
        }
        if (!sets.getDeny().isEmpty()) {
            b.deny(IpListSource.of("parapet.ip-sets.deny", sets.getDeny()));
        }
        for (Path file : sets.getAllowFiles()) {
            b.allow(IpListSource.file(file));
        }
        for (Path file : sets.getDenyFiles()) {
            b.deny(IpListSource.file(file));
        }
        Duration interval = sets.getReloadInterval();
        if (interval != null && !interval.isZero()) {
            b.reloadEvery(interval);
        }
        IpReputation reputation = b.build();
        if (interval != null && !interval.isZero()) {
            reputation.start();
        }
        return reputation;
    }

    /** IP sets, bans and rate limits in front of the rules. */
    @Bean
    @ConditionalOnMissingBean
    public TrafficGuard parapetTrafficGuard(ParapetProperties properties, ObjectProvider<IpReputation> reputation,
            ObjectProvider<StateStore> store) {
        ParapetProperties.ClientIp ip = properties.getClientIp();
        ClientIpResolver resolver = ip.getTrustedProxies().isEmpty() ? ClientIpResolver.direct()
                : ClientIpResolver.builder().trustedProxies(ip.getTrustedProxies().toArray(String[]::new))
                        .header(ip.getHeader()).build();
        TrafficGuard.Builder b = TrafficGuard.builder().clientIp(resolver);
        reputation.ifAvailable(b::reputation);
        store.ifAvailable(b::store);
        ParapetProperties.RateLimit rl = properties.getRateLimit();
        for (String name : rl.getInstances().keySet()) {
            b.limit(policy(name, rl.resolve(name)));
        }
        ParapetProperties.Bans bans = properties.getBans();
        if (bans.isConfigured()) {
            BanPolicy.Builder p = BanPolicy.builder().banFor(bans.getDuration())
                    .escalate(bans.getEscalation(), bans.getMaxDuration()).countThrottled(bans.isCountThrottled());
            if (bans.getAfterBlocks() > 0) {
                p.afterBlocks(bans.getAfterBlocks(), bans.getBlockWindow());
            }
            if (bans.getAfterAnomalyScore() > 0) {
                p.afterAnomalyScore(bans.getAfterAnomalyScore(), bans.getScoreWindow());
            }
            b.bans(p.build());
        }
        return b.build();
    }

    private static RateLimitPolicy policy(String name, ParapetProperties.RateLimitSpec spec) {
        RateLimitPolicy.Builder b = RateLimitPolicy.builder(name).key(RateKeys.parse(spec.getKey()));
        if (Boolean.TRUE.equals(spec.getFixedWindow())) {
            b.fixedWindow(spec.getLimit(), spec.getPeriod());
        } else {
            b.limit(spec.getLimit(), spec.getPeriod());
        }
        Scope scope = Scope.all();
        if (spec.getMethods() != null && !spec.getMethods().isEmpty()) {
            scope = scope.and(Scope.methods(spec.getMethods().toArray(String[]::new)));
        }
        if (spec.getPathPrefixes() != null && !spec.getPathPrefixes().isEmpty()) {
            scope = scope.and(Scope.pathPrefix(spec.getPathPrefixes().toArray(String[]::new)));
        }
        if (spec.getCost() != null) {
            b.cost(spec.getCost());
        }
        return b.scope(scope).build();
    }

    /**
     * The firewall in force: built from the properties and every {@link FirewallCustomizer}, or the application's
     * own {@link Firewall} bean as it is.
     */
    @Bean
    @ConditionalOnMissingBean
    public ReloadableFirewall parapetFirewall(ParapetProperties properties, ObjectProvider<Firewall> applicationFirewall,
            ObjectProvider<TrafficGuard> guard, ObjectProvider<FirewallCustomizer> customizers,
            org.springframework.core.io.ResourceLoader resourceLoader) {
        Firewall own = applicationFirewall.getIfUnique();
        if (own != null) {
            LOG.info("Parapet: using the application's Firewall bean ({} rules); parapet.rules.* do not apply",
                    own.ruleCount());
            return ReloadableFirewall.fixed(own);
        }
        ClassLoader loader = Optional.ofNullable(resourceLoader.getClassLoader())
                .orElse(ParapetAutoConfiguration.class.getClassLoader());
        FirewallFactory factory = new FirewallFactory(properties, guard.getIfAvailable(),
                customizers.orderedStream().toList(), loader);
        ReloadableFirewall firewall = ReloadableFirewall.load(factory);
        Firewall f = firewall.get();
        LOG.info("Parapet: {} rules loaded in {} ms, engine {}", f.ruleCount(), firewall.lastLoad().took().toMillis(),
                f.settings().ruleEngine());
        return firewall;
    }

    /** Where audit events go ({@code parapet.audit.destination}); closed with the context. */
    @Bean
    @ConditionalOnMissingBean
    public AuditSink parapetAuditSink(ParapetProperties properties) {
        ParapetProperties.Audit audit = properties.getAudit();
        return switch (audit.getDestination()) {
            case SLF4J -> new Slf4jAuditSink();
            case FILE -> FileAuditSink.open(audit.getFile(), audit.getErrorFile());
            case NONE -> (errorLines, event) -> {
            };
        };
    }

    /** The audit log the filter records transactions in. */
    @Bean
    @ConditionalOnMissingBean
    public AuditLog parapetAuditLog(ParapetProperties properties, AuditSink sink) {
        return AuditLog.builder().sink(sink).policy(properties.getAudit().getPolicy()).build();
    }

    /** The last blocked exchanges, for the Actuator endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public RecentBlocks parapetRecentBlocks(ParapetProperties properties) {
        return new RecentBlocks(properties.getRecentBlocks(), Clock.systemUTC());
    }

    /** Registers the filter in a servlet web application, unless the application registers one itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class FilterConfiguration {

        @Bean
        @ConditionalOnMissingFilterBean(ParapetFilter.class)
        FilterRegistrationBean<Filter> parapetFilterRegistration(ParapetProperties properties,
                ReloadableFirewall firewall, AuditLog auditLog, ObjectProvider<ExchangeListener> listeners) {
            ParapetFilter parapet = ParapetFilter.reloadable(firewall).auditLog(auditLog)
                    .listener(new ExchangeListeners(listeners.orderedStream().toList())).build();
            var exclude = properties.getUrlPatterns().getExclude();
            Filter filter = exclude.isEmpty() ? parapet : new PathExcludingFilter(parapet, exclude);
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("parapetFilter");
            registration.setOrder(properties.getFilterOrder());
            registration.setAsyncSupported(true);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
            registration.setUrlPatterns(properties.getUrlPatterns().getInclude());
            return registration;
        }
    }

    /** Matches when {@code parapet.ip-sets} names an address, network or list file. */
    static class IpSetsConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean configured = Binder.get(context.getEnvironment())
                    .bind("parapet.ip-sets", ParapetProperties.IpSets.class)
                    .map(ParapetProperties.IpSets::isConfigured).orElse(false);
            return configured ? ConditionOutcome.match("parapet.ip-sets configured")
                    : ConditionOutcome.noMatch("no parapet.ip-sets configured");
        }
    }
}
