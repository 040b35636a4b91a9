package dev.parapet.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoOptionsTest {

    @Test
    void defaults() {
        DemoOptions o = DemoOptions.parse(new String[0], Map.of());
        assertEquals(DemoOptions.defaults(), o);
        assertEquals(8080, o.port());
        assertEquals("127.0.0.1", o.host());
    }

    @Test
    void commandLineOptions() {
        DemoOptions o = DemoOptions.parse(new String[] {"--port", "9000", "--host=0.0.0.0", "--crs", "../shared/crs",
                "--seclang", "a.conf", "--seclang=b.conf", "--seclang-after", "c.conf", "--detection-only",
                "--audit-log", "logs/audit.jsonl", "--error-log=logs/error.log", "--idle-timeout", "1500"}, Map.of());
        assertEquals(9000, o.port());
        assertEquals("0.0.0.0", o.host());
        assertEquals(Path.of("../shared/crs"), o.crs());
        assertEquals(List.of(Path.of("a.conf"), Path.of("b.conf")), o.seclang());
        assertEquals(List.of(Path.of("c.conf")), o.seclangAfter());
        assertTrue(o.detectionOnly());
        assertEquals(Path.of("logs/audit.jsonl"), o.auditLog());
        assertEquals(Path.of("logs/error.log"), o.errorLog());
        assertEquals(1500, o.idleTimeoutMillis());
    }

    @Test
    void environmentVariablesAndCommandLinePrecedence() {
        Map<String, String> env = Map.of(
                "PARAPET_PORT", "7000",
                "PARAPET_RULES", "x.conf" + File.pathSeparator + "y.conf",
                "PARAPET_DETECTION_ONLY", "true",
                "PARAPET_AUDIT_LOG", "env-audit.jsonl");
        DemoOptions fromEnv = DemoOptions.parse(new String[0], env);
        assertEquals(7000, fromEnv.port());
        assertEquals(List.of(Path.of("x.conf"), Path.of("y.conf")), fromEnv.rules());
        assertTrue(fromEnv.detectionOnly());
        assertEquals(Path.of("env-audit.jsonl"), fromEnv.auditLog());
        DemoOptions cli = DemoOptions.parse(new String[] {"--port", "7001", "--rules", "z.conf"}, env);
        assertEquals(7001, cli.port());
        assertEquals(List.of(Path.of("z.conf")), cli.rules());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(new String[] {"--port"}, "--port needs a value"),
                Arguments.of(new String[] {"--port", "eighty"}, "--port takes a number"),
                Arguments.of(new String[] {"--port", "70000"}, "port must be between"),
                Arguments.of(new String[] {"--bogus"}, "unknown option '--bogus'"),
                Arguments.of(new String[] {"--detection-only=maybe"}, "expected true or false"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidOptionsAreExplained(String[] args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(args, Map.of()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void usageNamesEveryOption() {
        for (String option : List.of("--host", "--port", "--crs", "--rules", "--seclang", "--seclang-after",
                "--detection-only", "--audit-log", "--error-log", "--idle-timeout", "--help")) {
            assertTrue(DemoOptions.USAGE.contains(option), option);
        }
    }
}
