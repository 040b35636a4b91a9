package dev.parapet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.engine.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The README's configuration: OWASP CRS at paranoia level 2 in detection-only mode. Needs CRS 4.28.0 next to the repo. */
@EnabledIf(value = "crsPresent", disabledReason = "CRS 4.28.0 not found under parapet.shared.dir (../shared); skipping")
class CrsDetectionOnlyTest {

    static Path crs() {
        return Path.of(System.getProperty("parapet.shared.dir", "../../shared"), "crs-4.28.0");
    }

    static boolean crsPresent() {
        return Files.isDirectory(crs().resolve("rules"));
    }

    @Test
    void crsAtParanoiaLevelTwoDetectsWithoutBlocking() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ParapetAutoConfiguration.class))
                .withPropertyValues("parapet.rules.crs-directory=" + crs(), "parapet.mode=detection-only",
                        "parapet.paranoia-level=2")
                .run(context -> {
                    Firewall f = context.getBean(ReloadableFirewall.class).get();
                    assertThat(f.ruleCount()).isGreaterThan(600);
                    assertThat(f.settings().ruleEngine()).isEqualTo(RuleEngineMode.DETECTION_ONLY);
                    try (Transaction tx = f.newTransaction()) {
                        tx.processConnection("192.0.2.1", 1, "127.0.0.1", 80);
                        tx.processUri("GET", "/?id=1%27%20OR%20%271%27=%271", "HTTP/1.1");
                        tx.addRequestHeader("Host", "localhost");
                        tx.addRequestHeader("User-Agent", "curl/8");
                        tx.addRequestHeader("Accept", "*/*");
                        assertThat(tx.processRequestHeaders()).isEmpty();
                        assertThat(tx.processRequestBody()).isEmpty();
                        assertThat(tx.tx("blocking_paranoia_level")).isEqualTo("2");
                        assertThat(tx.matchedRules()).extracting(MatchedRule::id).contains(942100, 949110);
                    }
                });
    }
}
