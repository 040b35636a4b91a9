package dev.parapet.spring;

import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.spring.internal.ParapetMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Micrometer meters for Parapet ({@code parapet.*}), when a {@link MeterRegistry} is there. */
@AutoConfiguration(after = ParapetAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, ReloadableFirewall.class})
public class ParapetMetricsAutoConfiguration {

    /** Counts inspected, blocked and detected exchanges and times inspection and rule loads. */
    @Bean
    @ConditionalOnMissingBean
    public ParapetMetrics parapetMetrics(MeterRegistry registry, ReloadableFirewall firewall,
            ObjectProvider<TrafficGuard> guard, ParapetProperties properties) {
        return new ParapetMetrics(registry, firewall, guard.getIfAvailable(),
                properties.getRateLimit().getInstances().keySet(), properties.getMetrics().getMaxRuleTags());
    }
}
