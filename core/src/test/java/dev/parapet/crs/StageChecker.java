package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwOutput;
import dev.parapet.crs.StageExecutor.StageResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.safere.Pattern;

/**
 * go-ftw's checks for one stage, applied in-process. Expectations only a real HTTP exchange can satisfy (transport
 * errors, statuses produced by the web server rather than the WAF) make the stage skipped, not failed.
 */
final class StageChecker {
    private StageChecker() {}

    /** Fails or skips with a reason, or passes. Regexes run on SafeRE since the log holds request bytes. */
    static Outcome check(FtwOutput expected, RawRequest request, BackendResponse response, StageResult result) {
        if (expected.expectError()) {
            return Outcome.skipped("needs HTTP: expect_error (go-ftw expects a transport error)");
        }
        if (!expected.status().isEmpty()) {
            int visible = result.interruption().orElse(response.status());
            if (!expected.status().contains(visible)) {
                if (result.interruption().isPresent()) {
                    return Outcome.failed("expected status " + expected.status() + " but the WAF interrupted with "
                            + visible);
                }
                return Outcome.skipped("needs HTTP: expects status " + expected.status()
                        + " from the web server" + (request.rejections().isEmpty() ? ""
                                : " (Apache would reject: " + String.join("; ", request.rejections()) + ")"));
            }
        }
        Set<Integer> logged = new LinkedHashSet<>(result.loggedIds());
        List<String> problems = new ArrayList<>();
        List<Integer> missing = expected.expectIds().stream().filter(id -> !logged.contains(id)).toList();
        if (!missing.isEmpty()) {
            problems.add("expected ids not logged: " + missing);
        }
        List<Integer> unexpected = expected.noExpectIds().stream().filter(logged::contains).toList();
        if (!unexpected.isEmpty()) {
            problems.add("unexpected ids logged: " + unexpected);
        }
        checkRegex(expected.matchRegex(), true, "match_regex", result.errorLog(), problems);
        checkRegex(expected.noMatchRegex(), false, "no_match_regex", result.errorLog(), problems);
        checkRegex(expected.logContains(), true, "log_contains", result.errorLog(), problems);
        checkRegex(expected.noLogContains(), false, "no_log_contains", result.errorLog(), problems);
        if (expected.isolated() && logged.size() != 1) {
            problems.add("isolated test logged " + logged.size() + " rules");
        }
        if (problems.isEmpty()) {
            return Outcome.passed();
        }
        return Outcome.failed(String.join("; ", problems) + "; logged " + logged);
    }

    private static void checkRegex(String regex, boolean mustMatch, String what, String log, List<String> problems) {
        if (regex == null || regex.isEmpty()) {
            return;
        }
        boolean found;
        try {
            found = Pattern.compile(regex).matcher(log).find();
        } catch (RuntimeException e) {
            problems.add(what + " '" + regex + "' does not compile: " + e.getMessage());
            return;
        }
        if (found != mustMatch) {
            problems.add(what + " '" + regex + "' " + (mustMatch ? "not found" : "found") + " in the log");
        }
    }
}
