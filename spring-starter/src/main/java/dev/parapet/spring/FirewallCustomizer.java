package dev.parapet.spring;

import dev.parapet.engine.Firewall;

/**
 * Tunes the firewall the starter builds from {@code parapet.*} properties, in code: add directives, files, a
 * {@link dev.parapet.engine.Protection} or an id generator. Called, in bean order, after the properties have been
 * applied, on every build (startup and each hot reload), so it must be repeatable.
 *
 * <pre>{@code
 * @Bean
 * FirewallCustomizer tuning() {
 *     return builder -> builder.directives("tuning", "SecRuleRemoveById 920350");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface FirewallCustomizer {

    /** Adjusts {@code builder} before it is built. */
    void customize(Firewall.Builder builder);
}
