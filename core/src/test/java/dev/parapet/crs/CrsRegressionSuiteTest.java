package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parapet.crs.StageExecutor.StageResult;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Exercises the dynamic-test plumbing on the real 920430 tests with a WAF stand-in that logs nothing. */
class CrsRegressionSuiteTest {
    private static final StageExecutor SILENT = (request, response, address, port) ->
            new StageResult(List.of(), "", OptionalInt.empty());

    @Test
    void filtersGroupsAndAppliesKnownFailures() throws Throwable {
        Path crs = CrsPaths.crsDir();
        // 920430: tests 1,2,4 pass (no_expect_ids), 3,5,6,7,9,10 are HTTP-only, 8 expects the id.
        KnownFailures known = KnownFailures.parse("920430-8 engine stand-in logs nothing\n920430-1 stale entry\n");
        CrsRegressionSuite suite = new CrsRegressionSuite(known, "920430", false);
        List<DynamicNode> nodes = suite.tests(crs, SILENT).toList();
        assertEquals(1, nodes.size());
        DynamicContainer container = (DynamicContainer) nodes.get(0);
        assertEquals("REQUEST-920-PROTOCOL-ENFORCEMENT", container.getDisplayName());
        List<DynamicTest> tests = container.getChildren().map(DynamicTest.class::cast).toList();
        assertEquals(10, tests.size());
        for (DynamicTest t : tests) {
            switch (t.getDisplayName()) {
                case "920430-1" -> assertThrows(AssertionFailedError.class, t.getExecutable()::execute);
                case "920430-2", "920430-4", "920430-8" -> t.getExecutable().execute();
                default -> assertThrows(TestAbortedException.class, t.getExecutable()::execute);
            }
        }
        assertEquals("CRS 4.28.0 regression (in-process): 3 passed, 1 failed, 6 skipped of 10",
                suite.report().summaryLine());
    }

    @Test
    void ruleFilesAreSortedConfFiles() {
        List<Path> files = CrsRegressionSuite.ruleFiles(CrsPaths.crsDir());
        assertEquals("REQUEST-901-INITIALIZATION.conf", files.get(0).getFileName().toString());
        assertEquals("RESPONSE-980-CORRELATION.conf", files.get(files.size() - 1).getFileName().toString());
        assertEquals(27, files.size());
    }

    @Test
    void shippedKnownFailuresFileParses() {
        CrsRegressionSuite.loadKnownFailures();
    }
}
