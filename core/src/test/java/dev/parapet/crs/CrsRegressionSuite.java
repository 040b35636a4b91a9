package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwFile;
import dev.parapet.crs.FtwModel.FtwTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The engine-independent part of the in-process CRS regression run: which configuration to load, one dynamic test
 * per go-ftw test (grouped per rule file), known-failure bookkeeping and the final report.
 *
 * <p>System properties: {@code parapet.crs.only} (test id prefix, e.g. {@code 942100} or {@code 9421}) and
 * {@code parapet.crs.record=true} (write the currently failing ids to {@code target/crs-failures-now.txt}).
 */
final class CrsRegressionSuite {

    /** The setup rule required by tests/regression/README.md, verbatim in effect. */
    static final String RULE_900005 = dev.parapet.engine.CrsTestSupport.REGRESSION_SETUP;

    /**
     * Engine settings the suite assumes from the server's ModSecurity configuration (CRS's own test setup uses
     * modsecurity.conf-recommended values): body access in both directions, text response bodies, and the
     * JSON/XML body processor selection by Content-Type.
     */
    static final String ENGINE_BASELINE = """
            SecRuleEngine DetectionOnly
            SecRequestBodyAccess On
            SecRequestBodyLimit 13107200
            SecRequestBodyNoFilesLimit 131072
            SecResponseBodyAccess On
            SecResponseBodyMimeType text/plain text/html text/xml
            SecResponseBodyLimit 524288
            SecRule REQUEST_HEADERS:Content-Type "^(?:application(?:/soap\\+|/)|text/)xml" \\
                "id:200000,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"
            SecRule REQUEST_HEADERS:Content-Type "^application/json" \\
                "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
            SecRule REQBODY_ERROR "!@eq 0" \
                "id:200002,phase:2,t:none,log,deny,status:400,msg:'Failed to parse request body.',\
                logdata:'%{reqbody_error_msg}',severity:2"
            SecRule MULTIPART_STRICT_ERROR "!@eq 0" \
                "id:200003,phase:2,t:none,log,deny,status:400,\
                msg:'Multipart request body failed strict validation: \
                PE %{REQBODY_PROCESSOR_ERROR}, \
                BQ %{MULTIPART_BOUNDARY_QUOTED}, \
                BW %{MULTIPART_BOUNDARY_WHITESPACE}, \
                DB %{MULTIPART_DATA_BEFORE}, \
                DA %{MULTIPART_DATA_AFTER}, \
                HF %{MULTIPART_HEADER_FOLDING}, \
                LF %{MULTIPART_LF_LINE}, \
                SM %{MULTIPART_MISSING_SEMICOLON}, \
                IQ %{MULTIPART_INVALID_QUOTING}, \
                IP %{MULTIPART_INVALID_PART}, \
                IH %{MULTIPART_INVALID_HEADER_FOLDING}, \
                FL %{MULTIPART_FILE_LIMIT_EXCEEDED}'"
            """;

    static final String KNOWN_FAILURES_RESOURCE = "/crs/known-failures.txt";

    private final RegressionReport report = new RegressionReport();
    private final KnownFailures knownFailures;
    private final String onlyPrefix;
    private final boolean record;

    CrsRegressionSuite(KnownFailures knownFailures, String onlyPrefix, boolean record) {
        this.knownFailures = knownFailures;
        this.onlyPrefix = onlyPrefix == null ? "" : onlyPrefix.strip();
        this.record = record;
    }

    static CrsRegressionSuite fromSystemProperties() {
        return new CrsRegressionSuite(loadKnownFailures(), System.getProperty("parapet.crs.only", ""),
                Boolean.getBoolean("parapet.crs.record"));
    }

    static KnownFailures loadKnownFailures() {
        try (var in = CrsRegressionSuite.class.getResourceAsStream(KNOWN_FAILURES_RESOURCE)) {
            return in == null ? KnownFailures.empty()
                    : KnownFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule files, in the order the Firewall loads them after crs-setup: {@code rules/*.conf}, sorted. */
    static List<Path> ruleFiles(Path crsDir) {
        try (Stream<Path> files = Files.list(crsDir.resolve("rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One container per rule-file directory, one dynamic test per go-ftw test id matching the filter. */
    Stream<DynamicNode> tests(Path crsDir, StageExecutor executor) {
        StageRunner runner = new StageRunner(executor);
        List<FtwFile> files = new FtwLoader().loadAll(crsDir.resolve("tests/regression/tests"));
        List<DynamicNode> containers = new ArrayList<>();
        String currentGroup = null;
        List<DynamicNode> group = new ArrayList<>();
        for (FtwFile file : files) {
            if (!file.ruleFile().equals(currentGroup)) {
                if (currentGroup != null && !group.isEmpty()) {
                    containers.add(DynamicContainer.dynamicContainer(currentGroup, group));
                }
                currentGroup = file.ruleFile();
                group = new ArrayList<>();
            }
            for (FtwTest test : file.tests()) {
                if (!test.id().startsWith(onlyPrefix)) {
                    continue;
                }
                String ruleFile = file.ruleFile();
                group.add(DynamicTest.dynamicTest(test.id(), file.path().toUri(),
                        () -> runOne(runner, ruleFile, test)));
            }
        }
        if (currentGroup != null && !group.isEmpty()) {
            containers.add(DynamicContainer.dynamicContainer(currentGroup, group));
        }
        return containers.stream();
    }

    private void runOne(StageRunner runner, String ruleFile, FtwTest test) {
        Outcome outcome = runner.run(test);
        report.record(ruleFile, test.id(), outcome);
        Optional<String> known = knownFailures.reason(test.id());
        switch (outcome.kind()) {
            case PASSED -> Assertions.assertTrue(known.isEmpty(),
                    () -> test.id() + " now passes: remove it from known-failures (listed as: " + known.get() + ")");
            case FAILED -> {
                if (known.isEmpty()) {
                    Assertions.fail(test.id() + ": " + outcome.reason());
                }
                // listed as a known failure: an expected failure, so JUnit passes it
            }
            case SKIPPED -> Assumptions.abort(test.id() + " skipped: " + outcome.reason());
        }
    }

    /** Prints the summary line and table, writes the report and (on request) the failing ids. */
    void finish() {
        String text = report.render();
        System.out.print(text);
        Path target = CrsPaths.targetDir();
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve("crs-regression-report.txt"), text);
            if (record) {
                Files.write(target.resolve("crs-failures-now.txt"), report.failureLines());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RegressionReport report() {
        return report;
    }
}
