package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.crs.FtwModel.FtwFile;
import dev.parapet.crs.FtwModel.FtwStage;
import dev.parapet.crs.FtwModel.FtwTest;
import dev.parapet.engine.Firewall;
import dev.parapet.rulesets.Rulesets;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parapet's own go-ftw suite ({@code src/test/resources/tests/<rule file>/<rule id>.yaml}), run in-process by
 * the CRS regression harness against the default configuration (engine profile + core rules, blocking at
 * paranoia level 1), with paranoia level 2 rules running for detection so that their tests can check the log.
 * Positive tests of level 1 rules also expect the 403 that blocking produces.
 *
 * <p>Lives in the harness's package to use it as CRS's suite does. Every stage must run in-process: a test that
 * the harness would skip (it needs a real web server) fails here.
 */
class ParapetRulesRegressionTest {

    /** Runs paranoia level 2 rules for the log only; blocking stays at level 1. */
    static final String TEST_SETUP = """
            SecAction "id:1,phase:1,pass,nolog,setvar:tx.detection_paranoia_level=2"
            """;

    static Firewall firewall() {
        return Firewall.builder()
                .classpath(Rulesets.SETUP)
                .directives("ftw-test-setup", TEST_SETUP)
                .classpath(Rulesets.RULES)
                .build();
    }

    static Path testsDirectory() {
        try {
            return Path.of(ParapetRulesRegressionTest.class.getResource("/tests").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FtwFile> testFiles() {
        return new FtwLoader().loadAll(testsDirectory());
    }

    @TestFactory
    Stream<DynamicNode> parapetRules() {
        StageRunner runner = new StageRunner(new ParapetStageExecutor(firewall()));
        List<DynamicNode> containers = new ArrayList<>();
        for (FtwFile file : testFiles()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (FtwTest test : file.tests()) {
                tests.add(DynamicTest.dynamicTest(test.id() + " " + test.description(), file.path().toUri(), () -> {
                    Outcome outcome = runner.run(test);
                    if (outcome.kind() != Outcome.Kind.PASSED) {
                        Assertions.fail(test.id() + " " + outcome.kind() + ": " + outcome.reason());
                    }
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(file.ruleFile() + "/" + file.path().getFileName(), tests));
        }
        return containers.stream();
    }

    /** Every detection rule has a file named after it, with a test expecting it and one expecting its absence. */
    @Test
    void everyRuleHasPositiveAndNegativeTests() {
        Set<Integer> detectionRules = new TreeSet<>();
        for (int id : firewall().ruleIds()) {
            boolean parapetDetection = id >= 441000 && id < 441900;
            boolean paranoiaGate = id % 100 >= 91;
            if (parapetDetection && !paranoiaGate) {
                detectionRules.add(id);
            }
        }
        assertTrue(detectionRules.size() >= 25, "detection rules found: " + detectionRules);
        Set<Integer> positive = new TreeSet<>();
        Set<Integer> negative = new TreeSet<>();
        for (FtwFile file : testFiles()) {
            for (FtwTest test : file.tests()) {
                for (FtwStage stage : test.stages()) {
                    if (stage.output().expectIds().contains(file.ruleId())) {
                        positive.add(file.ruleId());
                    }
                    if (stage.output().noExpectIds().contains(file.ruleId())) {
                        negative.add(file.ruleId());
                    }
                }
            }
        }
        assertEquals(detectionRules, intersect(detectionRules, positive), "rules without a positive test");
        assertEquals(detectionRules, intersect(detectionRules, negative), "rules without a negative test");
    }

    private static Set<Integer> intersect(Set<Integer> a, Set<Integer> b) {
        Set<Integer> result = new TreeSet<>(a);
        result.retainAll(b);
        return result;
    }
}
