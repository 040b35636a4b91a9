package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.crs.FtwModel.FtwInput;
import dev.parapet.crs.FtwModel.FtwOutput;
import dev.parapet.crs.FtwModel.FtwStage;
import dev.parapet.crs.FtwModel.FtwTest;
import dev.parapet.crs.RawRequest.Header;
import dev.parapet.crs.StageExecutor.StageResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HarnessLogicTest {

    private static FtwOutput out(List<Integer> status, List<Integer> expect, List<Integer> noExpect, String match,
            String noMatch, boolean expectError) {
        return new FtwOutput(status, expect, noExpect, match, noMatch, null, null, null, expectError, false, false);
    }

    private static final RawRequest GET = RawRequestParser.parse("GET / HTTP/1.1\r\n\r\n");
    private static final BackendResponse OK = new BackendResponse(200, List.of(), "");

    private static StageResult logged(Integer... ids) {
        StringBuilder log = new StringBuilder();
        for (Integer id : ids) {
            log.append("ModSecurity: Warning. [id \"").append(id).append("\"] [msg \"m\"]\n");
        }
        return new StageResult(List.of(ids), log.toString(), OptionalInt.empty());
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of(out(List.of(), List.of(1), List.of(), null, null, false), logged(1, 2), "PASSED"),
                Arguments.of(out(List.of(), List.of(1, 3), List.of(), null, null, false), logged(1), "FAILED"),
                Arguments.of(out(List.of(), List.of(), List.of(2), null, null, false), logged(1, 2), "FAILED"),
                Arguments.of(out(List.of(), List.of(), List.of(2), null, null, false), logged(), "PASSED"),
                Arguments.of(out(List.of(), List.of(), List.of(), "\\[id \"1\"\\]", null, false), logged(1), "PASSED"),
                Arguments.of(out(List.of(), List.of(), List.of(), "\\[id \"1\"\\]", null, false), logged(2), "FAILED"),
                Arguments.of(out(List.of(), List.of(), List.of(), null, "\\[id \"\\d+\"\\]", false), logged(), "PASSED"),
                Arguments.of(out(List.of(), List.of(), List.of(), null, "\\[id \"\\d+\"\\]", false), logged(5),
                        "FAILED"),
                Arguments.of(out(List.of(), List.of(), List.of(), "(", null, false), logged(), "FAILED"),
                Arguments.of(out(List.of(200), List.of(), List.of(), null, null, false), logged(), "PASSED"),
                Arguments.of(out(List.of(400), List.of(1), List.of(), null, null, false), logged(1), "SKIPPED"),
                Arguments.of(out(List.of(), List.of(), List.of(), null, null, true), logged(), "SKIPPED"),
                Arguments.of(out(List.of(403), List.of(), List.of(), null, null, false),
                        new StageResult(List.of(), "", OptionalInt.of(403)), "PASSED"),
                Arguments.of(out(List.of(200), List.of(), List.of(), null, null, false),
                        new StageResult(List.of(), "", OptionalInt.of(403)), "FAILED"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void stageChecksFollowGoFtw(FtwOutput expected, StageResult result, String kind) {
        Outcome outcome = StageChecker.check(expected, GET, OK, result);
        assertEquals(kind, outcome.kind().name(), outcome.reason());
    }

    @Test
    void stageRunnerFeedsParsedRequestAndReflectedResponse() {
        FtwInput in = new FtwInput("localhost", 80, null, "POST", "/reflect", null,
                Map.of("Content-Type", "application/json"), "{\"body\": \"<html>x</html>\", \"status\": 201}",
                null, null, null, true, false);
        FtwStage stage = new FtwStage(in, out(List.of(), List.of(7), List.of(), null, null, false));
        StageExecutor fake = (request, response, address, port) -> {
            assertEquals("POST", request.method());
            assertEquals("127.0.0.1", address);
            assertEquals(201, response.status());
            assertEquals("<html>x</html>", response.body());
            assertTrue(response.headers().contains(new Header("Content-Type", "text/html; charset=utf-8")));
            return logged(7);
        };
        StageRunner runner = new StageRunner(fake);
        assertEquals(Outcome.passed(), runner.run(new FtwTest(1, 1, "", List.of(stage))));
        StageRunner throwing = new StageRunner((r, s, a, p) -> {
            throw new IllegalStateException("boom");
        });
        assertEquals(Outcome.Kind.FAILED, throwing.run(new FtwTest(1, 1, "", List.of(stage))).kind());
        assertEquals(Outcome.Kind.SKIPPED, runner.run(new FtwTest(1, 1, "", List.of())).kind());
    }

    @Test
    void reflectBackendFallsBackToPlainPageAndSniffsTypes() {
        ReflectBackend backend = new ReflectBackend();
        RawRequest notJson = RawRequestParser.parse("POST /reflect HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
        assertEquals(ReflectBackend.DEFAULT_BODY, backend.respond(notJson).body());
        assertEquals("text/plain; charset=utf-8", ReflectBackend.sniffContentType("Maximum allowed file size"));
        assertEquals("text/xml; charset=utf-8", ReflectBackend.sniffContentType("  <?xml version"));
        assertEquals("application/octet-stream", ReflectBackend.sniffContentType("\u0000\u0001"));
        BackendResponse r = backend.reflect("{\"headers\": {\"X-A\": \"b\"}, \"encodedBody\": \"aGk=\"}");
        assertEquals("hi", r.body());
        assertEquals(new Header("X-A", "b"), r.headers().get(0));
    }

    @Test
    void knownFailuresFileFormat() {
        KnownFailures kf = KnownFailures.parse("# comment\n\n942100-1  libinjection pending\n920100-2\tx y\n");
        assertEquals(2, kf.size());
        assertEquals(Optional.of("libinjection pending"), kf.reason("942100-1"));
        assertEquals(Optional.of("x y"), kf.reason("920100-2"));
        assertEquals(Optional.empty(), kf.reason("942100-10"));
    }

    @Test
    void reportCountsAndRendersPerFile() {
        RegressionReport report = new RegressionReport();
        report.record("REQUEST-942", "942100-1", Outcome.passed());
        report.record("REQUEST-942", "942100-2", Outcome.failed("x\ny"));
        report.record("REQUEST-920", "920100-2", Outcome.skipped("needs HTTP"));
        assertEquals("CRS 4.28.0 regression (in-process): 1 passed, 1 failed, 1 skipped of 3", report.summaryLine());
        String table = report.render();
        assertTrue(table.contains("REQUEST-920       0       0        1"), table);
        assertTrue(table.indexOf("REQUEST-920") < table.indexOf("REQUEST-942"));
        assertEquals(List.of("942100-2  x y"), report.failureLines());
    }
}
