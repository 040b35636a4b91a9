package dev.parapet.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the engine (e.g. from {@code -prof jfr} or
 * {@code -XX:StartFlightRecording} around {@link CpuProbe}): CPU samples and allocation samples grouped by
 * engine activity (regex, transformations, logging, …), then the hottest methods by self time and by
 * inclusive time within Parapet. A sample goes to the activity of the innermost frame that belongs to one,
 * so {@code String} work done by the error-log formatter counts as logging. Samples taken while a
 * {@code Firewall} is being built (rule loading) are left out: the summary is about request processing.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.JfrSummary FILE.jfr [top]}.
 */
public final class JfrSummary {

    /** Activities, checked in order against each frame's class and method (first prefix that matches wins). */
    private static final Map<String, String> ACTIVITIES = activities();

    private static Map<String, String> activities() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dev.parapet.engine.internal.LogLines", "match recording: error-log lines");
        m.put("dev.parapet.engine.Transaction.record", "match recording: error-log lines");
        m.put("dev.parapet.engine.MatchedRule", "match recording: error-log lines");
        m.put("dev.parapet.seclang.MacroString", "macro expansion (msg, logdata, setvar)");
        m.put("org.safere", "regex (@rx via SafeRE)");
        m.put("dev.parapet.operators.internal.ModSecRegex", "regex (@rx via SafeRE)");
        m.put("dev.parapet.operators.Rx", "regex (@rx via SafeRE)");
        m.put("dev.parapet.operators.libinjection", "libinjection (@detectSQLi/@detectXSS)");
        m.put("dev.parapet.operators.internal.AhoCorasick", "@pm / @pmFromFile");
        m.put("dev.parapet.operators", "other operators");
        m.put("dev.parapet.transformations", "transformations");
        m.put("dev.parapet.engine.Transaction.transform", "transformation cache");
        m.put("dev.parapet.bodyprocessors", "body parsing");
        m.put("dev.parapet.actions", "actions (setvar, ctl, ...)");
        m.put("dev.parapet.engine.Transaction.entries", "variable lookup (collections)");
        m.put("dev.parapet.engine.Transaction.scalar", "variable lookup (collections)");
        m.put("dev.parapet.engine.internal.Collection", "variable lookup (collections)");
        m.put("dev.parapet.engine.internal.Entry", "variable lookup (collections)");
        m.put("dev.parapet.engine.internal.Target", "variable lookup (collections)");
        m.put("dev.parapet.engine.Transaction.isRemoved", "rule exclusions (ctl:ruleRemove*)");
        m.put("dev.parapet.engine.internal.CompiledRule.hasTag", "rule exclusions (ctl:ruleRemove*)");
        m.put("dev.parapet.engine.Transaction.targetRemovalsFor", "rule exclusions (ctl:ruleRemove*)");
        m.put("dev.parapet.engine.Transaction.isExcluded", "rule exclusions (ctl:ruleRemove*)");
        m.put("dev.parapet.engine.Transaction.evaluate", "rule loop (variable names, matching glue)");
        m.put("dev.parapet.engine.Transaction.runPhase", "rule loop (variable names, matching glue)");
        m.put("dev.parapet.engine.Transaction.addMatch", "rule loop (variable names, matching glue)");
        m.put("dev.parapet.engine", "engine (other)");
        m.put("dev.parapet.benchmarks", "benchmark harness");
        return m;
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> cpuByActivity = new HashMap<>();
        Map<String, Long> allocByActivity = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocSites = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.stream().anyMatch(f -> name(f).startsWith("dev.parapet.engine.Firewall$Builder"))) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                cpuByActivity.merge(activity(frames), 1L, Long::sum);
                self.merge(name(frames.get(0)), 1L, Long::sum);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("dev.parapet.") && !n.startsWith("dev.parapet.benchmarks") && seen.add(n)) {
                        inclusive.merge(n, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                allocByActivity.merge(activity(frames), weight, Long::sum);
                allocSites.merge(site(frames), weight, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d CPU samples, %.1f MB of sampled allocation weight%n%n",
                file.getFileName(), samples, allocated / 1048576.0);
        print("CPU by activity", cpuByActivity, samples, top);
        print("Allocation by activity", allocByActivity, allocated, top);
        print("Hottest methods (self)", self, samples, top);
        print("Parapet methods (inclusive)", inclusive, samples, top);
        print("Allocation sites (innermost Parapet frame)", allocSites, allocated, top);
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        if (total == 0) {
            return;
        }
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
        System.out.println();
    }

    private static String activity(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            for (Map.Entry<String, String> a : ACTIVITIES.entrySet()) {
                if (n.startsWith(a.getKey())) {
                    return a.getValue();
                }
            }
        }
        return "JVM / JDK (outside Parapet)";
    }

    private static String site(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("dev.parapet.") && !n.startsWith("dev.parapet.benchmarks")) {
                return n + ":" + f.getLineNumber();
            }
        }
        return name(frames.get(0));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
