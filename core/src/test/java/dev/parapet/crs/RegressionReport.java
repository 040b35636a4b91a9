package dev.parapet.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies outcomes per rule file and renders the summary line and table. Known (expected) failures count as
 * failed here: the report says how far the engine is from the suite, JUnit only guards against regressions.
 */
final class RegressionReport {
    private final Map<String, int[]> perFile = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final String label;

    RegressionReport() {
        this("in-process");
    }

    /** @param label how the suite ran, shown in the summary line, e.g. {@code HTTP} */
    RegressionReport(String label) {
        this.label = label;
    }

    synchronized void record(String ruleFile, String testId, Outcome outcome) {
        int[] counts = perFile.computeIfAbsent(ruleFile, k -> new int[3]);
        counts[outcome.kind().ordinal()]++;
        if (outcome.kind() == Outcome.Kind.FAILED) {
            failures.add(testId + "  " + oneLine(outcome.reason()));
        }
    }

    synchronized String summaryLine() {
        int p = 0;
        int f = 0;
        int s = 0;
        for (int[] c : perFile.values()) {
            p += c[0];
            f += c[1];
            s += c[2];
        }
        return "CRS 4.28.0 regression (" + label + "): " + p + " passed, " + f + " failed, " + s + " skipped of "
                + (p + f + s);
    }

    synchronized String render() {
        int width = perFile.keySet().stream().mapToInt(String::length).max().orElse(4);
        StringBuilder out = new StringBuilder();
        out.append(summaryLine()).append('\n');
        out.append(String.format("%-" + width + "s %7s %7s %8s%n", "file", "passed", "failed", "skipped"));
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            int[] c = e.getValue();
            out.append(String.format("%-" + width + "s %7d %7d %8d%n", e.getKey(), c[0], c[1], c[2]));
        }
        return out.toString();
    }

    /** Failing ids with their reasons, in the known-failures file format, sorted. */
    synchronized List<String> failureLines() {
        List<String> sorted = new ArrayList<>(failures);
        sorted.sort(null);
        return sorted;
    }

    static String oneLine(String s) {
        String flat = s.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
