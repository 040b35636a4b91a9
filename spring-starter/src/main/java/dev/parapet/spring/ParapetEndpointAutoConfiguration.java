package dev.parapet.spring;

import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.spring.internal.RecentBlocks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The Actuator endpoint {@code parapet}, when Actuator is present and the endpoint is enabled and exposed. */
@AutoConfiguration(after = ParapetAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
@ConditionalOnBean({ReloadableFirewall.class, RecentBlocks.class})
public class ParapetEndpointAutoConfiguration {

    /** The endpoint. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(ParapetEndpoint.class)
    public ParapetEndpoint parapetEndpoint(ReloadableFirewall firewall, RecentBlocks recentBlocks,
            ObjectProvider<TrafficGuard> guard, ParapetProperties properties) {
        return new ParapetEndpoint(firewall, recentBlocks, guard.getIfAvailable(), properties);
    }
}
