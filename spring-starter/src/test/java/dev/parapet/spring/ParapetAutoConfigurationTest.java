package dev.parapet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.engine.Transaction;
import dev.parapet.ip.IpReputation;
import dev.parapet.ratelimit.TrafficGuard;
import dev.parapet.servlet.ParapetFilter;
import dev.parapet.spring.internal.ParapetMetrics;
import dev.parapet.spring.internal.PathExcludingFilter;
import dev.parapet.spring.internal.RulesLoadFailureAnalyzer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Conditions, back-offs and property binding of the auto-configurations. */
class ParapetAutoConfigurationTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(ParapetAutoConfiguration.class,
            ParapetMetricsAutoConfiguration.class, ParapetEndpointAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL);

    static Optional<Interruption> request(Firewall firewall, String client, String method, String uri) {
        try (Transaction tx = firewall.newTransaction()) {
            tx.processConnection(client, 40000, "127.0.0.1", 8080);
            tx.processUri(method, uri, "HTTP/1.1");
            tx.addRequestHeader("Host", "localhost");
            Optional<Interruption> stop = tx.processRequestHeaders();
            if (stop.isEmpty()) {
                stop = tx.processRequestBody();
            }
            tx.processLogging();
            return stop;
        }
    }

    @Test
    void defaultsProtectAWebApplicationWithTheBundledRules() {
        web.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ReloadableFirewall.class)
                    .hasSingleBean(TrafficGuard.class).doesNotHaveBean(IpReputation.class);
            ReloadableFirewall firewall = context.getBean(ReloadableFirewall.class);
            assertThat(firewall.reloadable()).isTrue();
            assertThat(firewall.get().ruleCount()).isGreaterThan(100);
            assertThat(firewall.get().settings().ruleEngine()).isEqualTo(RuleEngineMode.ON);
            FilterRegistrationBean<?> registration = context.getBean("parapetFilterRegistration",
                    FilterRegistrationBean.class);
            assertThat(registration.getOrder()).isEqualTo(ParapetProperties.DEFAULT_FILTER_ORDER)
                    .isLessThan(-100); // before Spring Security's filter chain (SecurityProperties.DEFAULT_FILTER_ORDER)
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.getFilter()).isInstanceOf(ParapetFilter.class);
            assertThat(request(firewall.get(), "192.0.2.1", "GET", "/?q=1%27%20OR%20%271%27=%271")).isPresent();
            assertThat(request(firewall.get(), "192.0.2.1", "GET", "/?q=hello")).isEmpty();
        });
    }

    @Test
    void disabledByProperty() {
        web.withPropertyValues("parapet.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ReloadableFirewall.class).doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(ParapetEndpoint.class));
    }

    @Test
    void noFilterOutsideAServletWebApplication() {
        new ApplicationContextRunner().withConfiguration(ALL).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(ReloadableFirewall.class).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void backsOffForTheApplicationsFirewall() {
        web.withPropertyValues("management.endpoints.web.exposure.include=parapet").withUserConfiguration(OwnFirewall.class).run(context -> {
            ReloadableFirewall firewall = context.getBean(ReloadableFirewall.class);
            assertThat(firewall.get()).isSameAs(context.getBean(Firewall.class));
            assertThat(firewall.reloadable()).isFalse();
            assertThat(context.getBean(ParapetEndpoint.class).act("reload", null).success()).isFalse();
        });
    }

    @Test
    void backsOffForTheApplicationsFilterBean() {
        web.withUserConfiguration(OwnFilter.class).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("parapetFilterRegistration").hasSingleBean(ParapetFilter.class));
    }

    @Test
    void backsOffForTheApplicationsFilterRegistration() {
        web.withUserConfiguration(OwnRegistration.class).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean("parapetFilterRegistration").hasBean("myParapet"));
    }

    @Test
    void backsOffForTheApplicationsTrafficGuard() {
        web.withUserConfiguration(OwnGuard.class).run(context -> assertThat(context.getBean(TrafficGuard.class))
                .isSameAs(context.getBean(OwnGuard.class).guard));
    }

    @Test
    void customizersTuneEveryBuild() {
        web.withUserConfiguration(Customizer.class).run(context -> {
            ReloadableFirewall firewall = context.getBean(ReloadableFirewall.class);
            assertThat(firewall.get().ruleIds()).contains(7001);
            assertThat(request(firewall.get(), "192.0.2.1", "GET", "/custom")).get()
                    .extracting(Interruption::status).isEqualTo(418);
            assertThat(firewall.reload().success()).isTrue();
            assertThat(firewall.get().ruleIds()).contains(7001);
        });
    }

    /** YAML reads a bare on/off as a boolean; mode: on must still mean on, and other spellings bind too. */
    @ParameterizedTest(name = "mode: {0}")
    @CsvSource({"on, ON", "off, OFF", "'\"on\"', ON", "detection-only, DETECTION_ONLY",
        "DetectionOnly, DETECTION_ONLY", "DETECTION_ONLY, DETECTION_ONLY", "true, ON"})
    void bindsModeFromYaml(String yamlValue, RuleEngineMode expected) {
        web.withInitializer(context -> {
            try {
                var yaml = new org.springframework.core.io.ByteArrayResource(
                        ("parapet:\n  mode: " + yamlValue + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (var source : new org.springframework.boot.env.YamlPropertySourceLoader().load("test.yml", yaml)) {
                    context.getEnvironment().getPropertySources().addFirst(source);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReloadableFirewall.class).get().settings().ruleEngine()).isEqualTo(expected);
        });
    }

    @Test
    void bindsRulesModeParanoiaAndLimits() {
        web.withPropertyValues("parapet.mode=detection-only", "parapet.paranoia-level=2",
                "parapet.anomaly.inbound-threshold=10", "parapet.request-body.limit=1MB",
                "parapet.request-body.no-files-limit=64KB", "parapet.response-body.inspect=true",
                "parapet.response-body.limit=256KB", "parapet.rules.profiles=json-api",
                "parapet.rules.exclusions=spring-boot-actuator,graphql", "parapet.filter-order=5",
                "parapet.url-patterns.include=/api/*", "parapet.url-patterns.exclude=/api/health/**")
                .run(context -> {
                    Firewall f = context.getBean(ReloadableFirewall.class).get();
                    assertThat(f.settings().ruleEngine()).isEqualTo(RuleEngineMode.DETECTION_ONLY);
                    assertThat(f.settings().requestBodyLimit()).isEqualTo(1024 * 1024);
                    assertThat(f.settings().requestBodyNoFilesLimit()).isEqualTo(64 * 1024);
                    assertThat(f.settings().responseBodyAccess()).isTrue();
                    assertThat(f.settings().responseBodyLimit()).isEqualTo(256 * 1024);
                    assertThat(f.ruleIds()).contains(449900); // the tx.* settings from the properties
                    assertThat(f.rules()).anyMatch(r -> r.file().contains("json-api"))
                            .anyMatch(r -> r.file().contains("graphql"));
                    FilterRegistrationBean<?> reg = context.getBean(FilterRegistrationBean.class);
                    assertThat(reg.getOrder()).isEqualTo(5);
                    assertThat(reg.getUrlPatterns()).containsExactly("/api/*");
                    assertThat(reg.getFilter()).isInstanceOf(PathExcludingFilter.class);
                    Filter inner = ((PathExcludingFilter) reg.getFilter()).delegate();
                    assertThat(inner).isInstanceOf(ParapetFilter.class);
                });
    }

    @Test
    void paranoiaLevelTwoTurnsOnLevelTwoRules() {
        // 441922 adds the level-2 scores to the blocking score only when tx.blocking_paranoia_level >= 2.
        web.withPropertyValues("parapet.paranoia-level=2").run(context -> {
            Firewall f = context.getBean(ReloadableFirewall.class).get();
            try (Transaction tx = f.newTransaction()) {
                tx.processConnection("192.0.2.1", 1, "127.0.0.1", 80);
                tx.processUri("GET", "/", "HTTP/1.1");
                tx.processRequestHeaders();
                assertThat(tx.tx("blocking_paranoia_level")).isEqualTo("2");
                assertThat(tx.tx("detection_paranoia_level")).isEqualTo("2");
            }
        });
    }

    @Test
    void rateLimitInstancesInheritFromNamedConfigs() {
        web.withPropertyValues("parapet.rate-limit.configs.default.period=1m",
                "parapet.rate-limit.configs.default.limit=100", "parapet.rate-limit.configs.strict.limit=2",
                "parapet.rate-limit.configs.strict.period=1h", "parapet.rate-limit.instances.login.base-config=strict",
                "parapet.rate-limit.instances.login.methods=POST",
                "parapet.rate-limit.instances.login.path-prefixes=/login",
                "parapet.rate-limit.instances.api.path-prefixes=/api").run(context -> {
                    Firewall f = context.getBean(ReloadableFirewall.class).get();
                    assertThat(request(f, "192.0.2.7", "POST", "/login")).isEmpty();
                    assertThat(request(f, "192.0.2.7", "POST", "/login")).isEmpty();
                    assertThat(request(f, "192.0.2.7", "POST", "/login")).get()
                            .extracting(Interruption::status, Interruption::reason)
                            .containsExactly(429, "rate-limit:login");
                    assertThat(request(f, "192.0.2.7", "GET", "/login")).isEmpty(); // other method: not in scope
                    assertThat(request(f, "192.0.2.8", "POST", "/login")).isEmpty(); // other client
                    ParapetProperties.RateLimitSpec api = context.getBean(ParapetProperties.class)
                            .getRateLimit().resolve("api");
                    assertThat(api.getLimit()).isEqualTo(100);
                    assertThat(api.getPeriod()).hasMinutes(1);
                    assertThat(context.getBean(TrafficGuard.class).stats().throttled()).isEqualTo(1);
                });
    }

    @Test
    void ipSetsAndTrustedProxies() {
        web.withPropertyValues("parapet.ip-sets.deny=203.0.113.0/24", "parapet.client-ip.trusted-proxies=10.0.0.0/8")
                .run(context -> {
                    assertThat(context).hasSingleBean(IpReputation.class);
                    Firewall f = context.getBean(ReloadableFirewall.class).get();
                    assertThat(request(f, "203.0.113.5", "GET", "/")).get().extracting(Interruption::reason)
                            .isEqualTo(TrafficGuard.REASON_DENY_LIST);
                    assertThat(request(f, "198.51.100.5", "GET", "/")).isEmpty();
                    try (Transaction tx = f.newTransaction()) {
                        tx.processConnection("10.1.2.3", 1, "127.0.0.1", 80);
                        tx.processUri("GET", "/", "HTTP/1.1");
                        tx.addRequestHeader("X-Forwarded-For", "203.0.113.9");
                        assertThat(tx.processRequestHeaders()).isPresent();
                    }
                });
    }

    @Test
    void bansAfterRepeatedBlocks() {
        web.withPropertyValues("parapet.bans.after-blocks=2", "parapet.bans.duration=5m",
                "management.endpoints.web.exposure.include=parapet").run(context -> {
            Firewall f = context.getBean(ReloadableFirewall.class).get();
            String attack = "/?q=1%27%20OR%20%271%27=%271";
            assertThat(request(f, "192.0.2.9", "GET", attack)).isPresent();
            assertThat(request(f, "192.0.2.9", "GET", attack)).isPresent();
            assertThat(request(f, "192.0.2.9", "GET", "/?q=hello")).get().extracting(Interruption::reason)
                    .isEqualTo(TrafficGuard.REASON_BAN);
            ParapetEndpoint endpoint = context.getBean(ParapetEndpoint.class);
            assertThat(endpoint.report().bans()).extracting(b -> b.key()).containsExactly("ip:192.0.2.9");
            assertThat(endpoint.act("unban", "ip:192.0.2.9").success()).isTrue();
            assertThat(request(f, "192.0.2.9", "GET", "/?q=hello")).isEmpty();
        });
    }

    @Test
    void metricsOnlyWithAMeterRegistry() {
        web.run(context -> assertThat(context).doesNotHaveBean(ParapetMetrics.class));
        web.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(ParapetMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(ParapetMetrics.LOADED).gauge().value()).isGreaterThan(100);
            assertThat(registry.get(ParapetMetrics.LOAD).tag("outcome", "success").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void endpointOnlyWhenAvailable() {
        web.withPropertyValues("management.endpoints.web.exposure.include=parapet")
                .run(context -> assertThat(context).hasSingleBean(ParapetEndpoint.class));
        web.withPropertyValues("management.endpoints.web.exposure.include=parapet",
                "management.endpoint.parapet.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(ParapetEndpoint.class));
        web.withPropertyValues("management.endpoints.web.exposure.include=health",
                "management.endpoints.jmx.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(ParapetEndpoint.class));
    }

    @Test
    void badRulesFailStartupNamingFileAndLine() {
        web.withPropertyValues("parapet.rules.directives=SecAction \"id:1,phase:1,pass\"\nSecRule ARGS \"@nosuchop x\" \"id:2,phase:1,deny\"")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    FailureAnalysis analysis = new RulesLoadFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("File: parapet.rules.directives")
                            .contains("Line: 2").contains("nosuchop");
                    assertThat(analysis.getAction()).contains("parapet.rules.directives");
                });
    }

    @Test
    void missingRuleFileOrCrsDirectoryFailsClearly() {
        web.withPropertyValues("parapet.rules.files=/no/such/rules.conf").run(context -> {
            FailureAnalysis analysis = new RulesLoadFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("no such file").contains("/no/such/rules.conf");
        });
        web.withPropertyValues("parapet.rules.crs-directory=/no/such/crs").run(context -> {
            FailureAnalysis analysis = new RulesLoadFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("crs-directory").contains("/no/such/crs");
        });
    }

    @Test
    void invalidPropertiesFailWithThePropertyName() {
        assertInvalid("parapet.paranoia-level=7", "paranoiaLevel", "between 1 and 4");
        assertInvalid("parapet.anomaly.inbound-threshold=0", "anomaly.inboundThreshold", "positive");
        assertInvalid("parapet.audit.destination=file", "audit.file", "required");
        assertInvalid("parapet.url-patterns.exclude=actuator", "urlPatterns.exclude[0]", "starting with /");
        assertInvalid("parapet.rate-limit.instances.x.base-config=nope", "instances[x].baseConfig", "no rate-limit config named 'nope'");
        assertInvalid("parapet.rate-limit.instances.x.limit=5", "period", "required");
        assertInvalid("parapet.rate-limit.configs.default.key=ip-address", "key[0]", "unknown rate key");
        assertInvalid("parapet.bans.escalation=0.5", "bans.escalation", "1 or more");
        assertInvalid("parapet.mode=sometimes", "parapet.mode", "sometimes");
    }

    private void assertInvalid(String property, String name, String reason) {
        web.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder all = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            assertThat(all.toString()).as(property).contains(name).contains(reason);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFirewall {
        @Bean
        Firewall myFirewall() {
            return Firewall.builder().directives("own", "SecAction \"id:5,phase:1,pass,nolog\"").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {
        @Bean
        ParapetFilter myFilter() {
            return ParapetFilter.builder(Firewall.builder().directives("own", "SecRuleEngine On").build()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @Bean
        FilterRegistrationBean<ParapetFilter> myParapet() {
            return new FilterRegistrationBean<>(
                    ParapetFilter.builder(Firewall.builder().directives("own", "SecRuleEngine On").build()).build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGuard {
        final TrafficGuard guard = TrafficGuard.builder().build();

        @Bean
        TrafficGuard myGuard() {
            return guard;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizer {
        @Bean
        FirewallCustomizer extraRule() {
            return b -> b.directives("custom", "SecRule REQUEST_URI \"@beginsWith /custom\" \"id:7001,phase:1,deny,status:418\"");
        }
    }
}
