package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import dev.parapet.rulesets.Rulesets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * CRS 4.28.0's own regression suite with Parapet's core rules loaded next to CRS, in the documented order
 * (CRS setup, Parapet rules, CRS rules). The firewall builds (no id clash) and CRS's results are those of core's
 * {@code CrsRegressionTest}: the same known failures, no new failure. Parapet's own log lines are taken out of
 * each result before CRS's expectations are checked, because 35 CRS tests assert that no rule at all logged; the
 * number of CRS test stages on which Parapet found something is printed with the report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrsWithParapetRegressionTest {

    private static final org.safere.Pattern PARAPET_LINE = org.safere.Pattern.compile("\\[id \"44\\d{4}\"\\]");

    private final CrsRegressionSuite suite = CrsRegressionSuite.fromSystemProperties();
    private final AtomicInteger stages = new AtomicInteger();
    private final AtomicInteger parapetFindings = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> crsRegressionWithParapet() {
        Path crs = CrsPaths.crsDir();
        Firewall crsOnly = builder(crs, false).build();
        Firewall both = builder(crs, true).build();
        Set<Integer> crsIds = new HashSet<>(crsOnly.ruleIds());
        List<Integer> added = both.ruleIds().stream().filter(id -> !crsIds.contains(id)).toList();
        assertTrue(both.ruleIds().size() == crsIds.size() + added.size(), "no rule of CRS replaced or lost");
        List<Integer> parapetAlone = Firewall.builder().classpath(Rulesets.RULES).build().ruleIds();
        assertTrue(new HashSet<>(added).equals(new HashSet<>(parapetAlone)), "every Parapet rule is added: " + added);
        assertTrue(added.stream().allMatch(id -> id >= 440_000 && id <= 449_999), "Parapet's id range: " + added);
        ParapetStageExecutor inner = new ParapetStageExecutor(both);
        StageExecutor withoutParapetLines = (request, response, address, port) -> {
            StageExecutor.StageResult r = inner.execute(request, response, address, port);
            stages.incrementAndGet();
            if (r.loggedIds().stream().anyMatch(id -> id >= 441_000 && id < 441_900)) {
                parapetFindings.incrementAndGet();
            }
            List<Integer> ids = r.loggedIds().stream().filter(id -> id < 440_000 || id > 449_999).toList();
            String log = r.errorLog().lines().filter(l -> !PARAPET_LINE.matcher(l).find())
                    .collect(Collectors.joining("\n"));
            return new StageExecutor.StageResult(ids, log, r.interruption());
        };
        return suite.tests(crs, withoutParapetLines);
    }

    /** The configuration of core's CrsRegressionTest, with Parapet's rules between CRS's setup and rules. */
    static Firewall.Builder builder(Path crs, boolean withParapet) {
        Firewall.Builder builder = Firewall.builder()
                .directives("engine-baseline", CrsRegressionSuite.ENGINE_BASELINE)
                .file(crs.resolve("crs-setup.conf.example"))
                .directives("tests/regression/README.md#900005", CrsRegressionSuite.RULE_900005);
        if (withParapet) {
            builder.classpath(Rulesets.RULES);
        }
        for (Path rules : CrsRegressionSuite.ruleFiles(crs)) {
            builder.file(rules);
        }
        return builder;
    }

    @AfterAll
    void report() {
        suite.finish();
        System.out.println("Parapet core rules found something on " + parapetFindings.get() + " of " + stages.get()
                + " CRS test stages");
    }
}
