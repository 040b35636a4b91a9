package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwFile;
import dev.parapet.crs.FtwModel.FtwTest;
import dev.parapet.demo.DemoOptions;
import dev.parapet.demo.DemoServer;
import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The CRS 4.28.0 regression suite over real HTTP: the demo server runs in-process with CRS, the regression setup rule
 * 900005 and the go-ftw marker rule, in DetectionOnly; every stage is sent as raw bytes over a socket and judged
 * with go-ftw's marker method on the server's error log. Several servers (one log each) run tests in parallel.
 *
 * <p>System properties: {@code parapet.crs.only} (test id prefix), {@code parapet.crs.record=true} (write the
 * failing ids to {@code target/crs-http-failures-now.txt}), {@code parapet.crs.http.workers} (default 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrsHttpRegressionTest {

    static final String KNOWN_FAILURES = "/crs/http-known-failures.txt";
    static final int WORKERS = Integer.getInteger("parapet.crs.http.workers", 4);
    /** How long Jetty waits on an idle connection (e.g. a body that never comes); the client waits longer. */
    static final int IDLE_TIMEOUT_MILLIS = 2000;
    static final int CLIENT_TIMEOUT_MILLIS = 6000;

    private final RegressionReport report = new RegressionReport("HTTP");
    private final KnownFailures known = knownFailures();
    private final String only = System.getProperty("parapet.crs.only", "").strip();

    static KnownFailures knownFailures() {
        try (var in = CrsHttpRegressionTest.class.getResourceAsStream(KNOWN_FAILURES)) {
            return in == null ? KnownFailures.empty()
                    : KnownFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicNode> crsOverHttp() throws Exception {
        Path crs = CrsPaths.crsDir();
        Path work = CrsPaths.targetDir().resolve("crs-http");
        Files.createDirectories(work);
        // The files shipped for external go-ftw runs (demo/go-ftw), so that what is tested is what users load.
        Path goFtw = Path.of(System.getProperty("basedir", ".")).resolve("go-ftw");
        List<Path> seclang = List.of(goFtw.resolve("crs-regression-setup.conf"), goFtw.resolve("marker.conf"));
        DemoOptions options = new DemoOptions("127.0.0.1", 0, crs, List.of(), seclang, List.of(), true,
                null, null, IDLE_TIMEOUT_MILLIS, false);
        Firewall firewall = DemoServer.firewall(options);

        List<FtwFile> files = new FtwLoader().loadAll(crs.resolve("tests/regression/tests"));
        ConcurrentLinkedQueue<FtwTest> queue = new ConcurrentLinkedQueue<>();
        for (FtwFile file : files) {
            for (FtwTest test : file.tests()) {
                if (test.id().startsWith(only)) {
                    queue.add(test);
                }
            }
        }
        Assumptions.assumeFalse(queue.isEmpty(), "no CRS test matches parapet.crs.only=" + only);
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        List<DemoServer> servers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Path errorLog = work.resolve("worker-" + w + "-error.log");
                Path auditLog = work.resolve("worker-" + w + "-audit.jsonl");
                Files.deleteIfExists(errorLog);
                Files.deleteIfExists(auditLog);
                DemoOptions workerOptions = new DemoOptions(options.host(), 0, crs, List.of(), seclang,
                        List.of(), true, auditLog, errorLog, IDLE_TIMEOUT_MILLIS, false);
                DemoServer server = DemoServer.start(workerOptions, firewall);
                servers.add(server);
                FtwHttpClient client = new FtwHttpClient(options.host(), server.port(), new MarkedLog(errorLog),
                        CLIENT_TIMEOUT_MILLIS);
                done.add(pool.submit(() -> {
                    FtwTest test;
                    while ((test = queue.poll()) != null) {
                        Outcome outcome;
                        try {
                            outcome = client.run(test);
                        } catch (RuntimeException e) {
                            outcome = Outcome.failed("harness error: " + e);
                        }
                        outcomes.put(test.id(), outcome);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            servers.forEach(DemoServer::close);
        }
        System.out.printf("CRS over HTTP: %d tests in %.1f s with %d servers%n", outcomes.size(),
                (System.nanoTime() - started) / 1e9, WORKERS);
        List<Path> errorLogs = new ArrayList<>();
        List<Path> auditLogs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            errorLogs.add(work.resolve("worker-" + w + "-error.log"));
            auditLogs.add(work.resolve("worker-" + w + "-audit.jsonl"));
        }
        DynamicTest auditCheck = DynamicTest.dynamicTest("JSON audit events name every logged rule id",
                () -> AuditLogCheck.assertEventsCoverErrorLines(errorLogs, auditLogs));

        List<DynamicNode> containers = new ArrayList<>();
        for (FtwFile file : files) {
            List<DynamicNode> tests = new ArrayList<>();
            for (FtwTest test : file.tests()) {
                Outcome outcome = outcomes.get(test.id());
                if (outcome == null) {
                    continue;
                }
                report.record(file.ruleFile(), test.id(), outcome);
                tests.add(DynamicTest.dynamicTest(test.id(), file.path().toUri(), () -> judge(test.id(), outcome)));
            }
            if (!tests.isEmpty()) {
                containers.add(DynamicContainer.dynamicContainer(file.ruleFile() + "/" + file.ruleId(), tests));
            }
        }
        containers.add(auditCheck);
        return containers.stream();
    }

    private void judge(String id, Outcome outcome) {
        Optional<String> reason = known.reason(id);
        switch (outcome.kind()) {
            case PASSED -> Assertions.assertTrue(reason.isEmpty(),
                    () -> id + " now passes over HTTP: remove it from " + KNOWN_FAILURES + " (" + reason.get() + ")");
            case FAILED -> {
                if (reason.isEmpty()) {
                    Assertions.fail(id + ": " + outcome.reason());
                }
            }
            case SKIPPED -> Assumptions.abort(id + " skipped: " + outcome.reason());
        }
    }

    @AfterAll
    void summary() throws IOException {
        String text = report.render();
        System.out.print(text);
        Path target = CrsPaths.targetDir();
        Files.createDirectories(target);
        Files.writeString(target.resolve("crs-http-report.txt"), text);
        if (Boolean.getBoolean("parapet.crs.record")) {
            Files.write(target.resolve("crs-http-failures-now.txt"), report.failureLines());
        }
    }
}
