package dev.parapet.benchmarks;

import dev.parapet.operators.internal.ModSecRegex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.safere.Pattern;

/**
 * Ranks CRS's request {@code @rx} patterns by the CPU time of one search over a benign value, to find the
 * few that dominate the regex work of a request. Each pattern is compiled through {@link ModSecRegex}, warmed
 * up (all patterns, several passes, so the JIT has compiled the matcher before any is timed), then timed over
 * {@code count} searches with thread CPU time (robust on a shared machine).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.RegexCost [length] [count]
 * [maxParanoia] [top]}, e.g. {@code ... RegexCost 100 2000 1 20}.
 */
public final class RegexCost {

    private RegexCost() {
    }

    record Cost(CrsRules.Rule rule, double nanos, int patternLength) {
    }

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int maxParanoia = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path crs = CrsDirectory.locate();
        String value = Inputs.plain(length);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<CrsRules.Rule> rules = new ArrayList<>();
        List<Pattern> patterns = new ArrayList<>();
        for (CrsRules.Rule rule : CrsRules.rules(crs, "REQUEST-")) {
            if (rule.operator().equals("rx") && rule.paranoiaLevel() <= maxParanoia) {
                rules.add(rule);
                patterns.add(ModSecRegex.compile(rule.argument(), false));
            }
        }
        long hits = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (Pattern pattern : patterns) {
                for (int i = 0; i < count; i++) {
                    hits += pattern.matcher(value).find() ? 1 : 0;
                }
            }
        }
        List<Cost> costs = new ArrayList<>();
        double total = 0;
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                hits += pattern.matcher(value).find() ? 1 : 0;
            }
            double nanos = (threads.getCurrentThreadCpuTime() - start) / (double) count;
            total += nanos;
            costs.add(new Cost(rules.get(p), nanos, rules.get(p).argument().length()));
        }
        if (hits < 0) {
            System.out.print("");
        }
        costs.sort(Comparator.comparingDouble(Cost::nanos).reversed());
        System.out.printf(Locale.ROOT, "%d request @rx patterns up to PL%d, one search each over %d benign bytes:"
                + " %.1f µs in total%n", costs.size(), maxParanoia, length, total / 1000);
        System.out.printf(Locale.ROOT, "%8s %4s %10s %7s %8s  %s%n", "rule", "PL", "ns/search", "share", "pattern",
                "file");
        for (Cost c : costs.subList(0, Math.min(top, costs.size()))) {
            System.out.printf(Locale.ROOT, "%8d %4d %10.0f %6.1f%% %7dB  %s%n", c.rule().id(),
                    c.rule().paranoiaLevel(), c.nanos(), 100 * c.nanos() / total, c.patternLength(), c.rule().file());
        }
    }
}
