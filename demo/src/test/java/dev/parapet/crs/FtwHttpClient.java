package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwOutput;
import dev.parapet.crs.FtwModel.FtwStage;
import dev.parapet.crs.FtwModel.FtwTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * Runs go-ftw tests over real HTTP against one server whose error log it alone reads: for every stage a marker
 * request before and after ({@code X-CRS-Test: <uuid>}, logged by the marker rule), the stage's raw bytes in
 * between, and go-ftw's checks on the response and on the log lines between the markers.
 */
final class FtwHttpClient {
    private static final Pattern RULE_ID = Pattern.compile("\\[id \"(\\d+)\"\\]");
    private static final int MARKER_TRIES = 5;

    private final String host;
    private final int port;
    private final MarkedLog log;
    private final int timeoutMillis;

    FtwHttpClient(String host, int port, MarkedLog log, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.log = log;
        this.timeoutMillis = timeoutMillis;
    }

    /** A failed stage fails the test (after one retry when the test asks for it). */
    Outcome run(FtwTest test) {
        if (test.stages().isEmpty()) {
            return Outcome.skipped("test has no stages");
        }
        int index = 0;
        for (FtwStage stage : test.stages()) {
            index++;
            Outcome outcome = runStage(stage);
            if (outcome.kind() == Outcome.Kind.FAILED && stage.output().retryOnce()) {
                outcome = runStage(stage);
            }
            if (outcome.kind() != Outcome.Kind.PASSED) {
                String prefix = test.stages().size() > 1 ? "stage " + index + ": " : "";
                return new Outcome(outcome.kind(), prefix + outcome.reason());
            }
        }
        return Outcome.passed();
    }

    Outcome runStage(FtwStage stage) {
        String id = UUID.randomUUID().toString();
        if (!mark(id, true)) {
            return Outcome.failed("start marker " + id + " not found in the log");
        }
        byte[] request = FtwRequestBuilder.build(stage.input());
        HttpWire.Response response = HttpWire.exchange(host, port, request, timeoutMillis);
        if (!mark(id, false)) {
            return Outcome.failed("end marker " + id + " not found in the log");
        }
        return check(stage.output(), response, log.window());
    }

    private boolean mark(String id, boolean start) {
        String marker = "GET /status/200 HTTP/1.1\r\nAccept: */*\r\nHost: localhost\r\nUser-Agent: go-ftw test agent\r\n"
                + MarkedLog.HEADER + ": " + id + "\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < MARKER_TRIES; i++) {
            HttpWire.Response r = HttpWire.exchange(host, port, marker.getBytes(StandardCharsets.ISO_8859_1),
                    timeoutMillis);
            if (r.status() < 0) {
                continue;
            }
            if (log.marker(id, start)) {
                return true;
            }
        }
        return false;
    }

    /** go-ftw's checkResult: expected error, status, response_contains, then the log expectations. */
    static Outcome check(FtwOutput expected, HttpWire.Response response, List<String> lines) {
        boolean transportError = response.status() < 0;
        if (expected.expectError()) {
            return transportError ? Outcome.passed()
                    : Outcome.failed("expected a transport error, got status " + response.status());
        }
        if (transportError) {
            return Outcome.failed("transport error: " + response.error());
        }
        if (!expected.status().isEmpty() && !expected.status().contains(response.status())) {
            return Outcome.failed("expected status " + expected.status() + " but got " + response.status());
        }
        if (expected.responseContains() != null && !expected.responseContains().isEmpty()) {
            String raw = new String(response.raw(), StandardCharsets.ISO_8859_1);
            if (!find(expected.responseContains(), raw)) {
                return Outcome.failed("response does not contain '" + expected.responseContains() + "'");
            }
        }
        Set<Integer> triggered = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = RULE_ID.matcher(line);
            while (m.find()) {
                triggered.add(Integer.parseInt(m.group(1)));
            }
        }
        String log = String.join("\n", lines);
        List<String> problems = new ArrayList<>();
        List<Integer> missing = expected.expectIds().stream().filter(i -> !triggered.contains(i)).toList();
        if (!missing.isEmpty()) {
            problems.add("expected ids not logged: " + missing);
        }
        List<Integer> unexpected = expected.noExpectIds().stream().filter(triggered::contains).toList();
        if (!unexpected.isEmpty()) {
            problems.add("unexpected ids logged: " + unexpected);
        }
        regex(expected.matchRegex(), true, "match_regex", lines, problems);
        regex(expected.noMatchRegex(), false, "no_match_regex", lines, problems);
        regex(expected.logContains(), true, "log_contains", lines, problems);
        regex(expected.noLogContains(), false, "no_log_contains", lines, problems);
        if (expected.isolated() && triggered.size() != 1) {
            problems.add("isolated test logged " + triggered.size() + " rules");
        }
        if (problems.isEmpty()) {
            return Outcome.passed();
        }
        return Outcome.failed(String.join("; ", problems) + "; logged " + triggered
                + (log.isEmpty() ? " (no log lines)" : ""));
    }

    private static void regex(String regex, boolean mustMatch, String what, List<String> lines, List<String> problems) {
        if (regex == null || regex.isEmpty()) {
            return;
        }
        boolean found = false;
        try {
            Pattern p = Pattern.compile(regex);
            for (String line : lines) {
                if (p.matcher(line).find()) {
                    found = true;
                    break;
                }
            }
        } catch (RuntimeException e) {
            problems.add(what + " '" + regex + "' does not compile: " + e.getMessage());
            return;
        }
        if (found != mustMatch) {
            problems.add(what + " '" + regex + "' " + (mustMatch ? "not found" : "found") + " in the log");
        }
    }

    private static boolean find(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (RuntimeException e) {
            return text.contains(regex);
        }
    }
}
