package dev.parapet.crs;

import dev.parapet.engine.Firewall;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The CRS 4.28.0 regression suite (go-ftw YAML) run in-process against one shared Firewall: baseline engine
 * settings, crs-setup.conf.example, the README's 900005 rule, then rules/*.conf sorted. Skips when the CRS data
 * is absent. See {@link CrsRegressionSuite} for the system properties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrsRegressionTest {
    private final CrsRegressionSuite suite = CrsRegressionSuite.fromSystemProperties();

    @TestFactory
    Stream<DynamicNode> crsRegression() {
        Path crs = CrsPaths.crsDir();
        Firewall.Builder builder = Firewall.builder()
                .directives("engine-baseline", CrsRegressionSuite.ENGINE_BASELINE)
                .file(crs.resolve("crs-setup.conf.example"))
                .directives("tests/regression/README.md#900005", CrsRegressionSuite.RULE_900005);
        for (Path rules : CrsRegressionSuite.ruleFiles(crs)) {
            builder.file(rules);
        }
        return suite.tests(crs, new ParapetStageExecutor(builder.build()));
    }

    @AfterAll
    void report() {
        suite.finish();
    }
}
