package dev.parapet.rulesets;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load time and per-request cost of the rule configurations, measured interleaved: every round times each
 * configuration once, so load from other processes on a shared machine hits all of them alike. Reports the
 * median over rounds of wall time and of this thread's CPU time (which contention does not inflate). The JMH
 * benchmarks ({@link RulesetsRequestBenchmark}, {@link RulesetsLoadBenchmark}) measure the same on a quiet machine.
 *
 * <p>Arguments: {@code [rounds] [transactions per batch]}, default 15 and 400.
 */
public final class RulesetsCostMain {

    private static final List<String> CONFIGURATIONS = List.of("parapet", "crs", "parapet+crs");
    private static final List<String> REQUESTS = List.of("get", "search", "form", "json", "upload", "attack");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long sink;

    private RulesetsCostMain() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        System.out.printf("Load time (ms, median of %d interleaved rounds; first build in this JVM separately)%n", rounds);
        Map<String, Firewall> firewalls = new LinkedHashMap<>();
        for (String c : CONFIGURATIONS) {
            long start = System.nanoTime();
            firewalls.put(c, RulesetsBenchmarks.configuration(c).build());
            System.out.printf("  %-12s first build %8.1f ms, %d rules%n", c, (System.nanoTime() - start) / 1e6,
                    firewalls.get(c).ruleCount());
        }
        Map<String, long[][]> load = new LinkedHashMap<>();
        CONFIGURATIONS.forEach(c -> load.put(c, new long[2][rounds]));
        for (int r = 0; r < rounds; r++) {
            for (String c : CONFIGURATIONS) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                sink += RulesetsBenchmarks.configuration(c).build().ruleCount();
                load.get(c)[0][r] = System.nanoTime() - wall;
                load.get(c)[1][r] = THREADS.getCurrentThreadCpuTime() - cpu;
            }
        }
        System.out.printf("  %-12s %10s %10s%n", "rules", "wall", "cpu");
        load.forEach((c, t) -> System.out.printf("  %-12s %10.1f %10.1f%n", c, median(t[0]) / 1e6, median(t[1]) / 1e6));

        Map<String, CorpusRequest> requests = new LinkedHashMap<>();
        REQUESTS.forEach(k -> requests.put(k, RulesetsBenchmarks.request(k)));
        for (int warm = 0; warm < 5; warm++) {
            for (Firewall f : firewalls.values()) {
                for (CorpusRequest q : requests.values()) {
                    for (int i = 0; i < batch; i++) {
                        sink += q.run(f).logged().size();
                    }
                }
            }
        }
        Map<String, long[][]> cost = new LinkedHashMap<>();
        for (String c : CONFIGURATIONS) {
            for (String k : REQUESTS) {
                cost.put(c + " " + k, new long[2][rounds]);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (String k : REQUESTS) {
                for (String c : CONFIGURATIONS) {
                    Firewall f = firewalls.get(c);
                    CorpusRequest q = requests.get(k);
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    for (int i = 0; i < batch; i++) {
                        sink += q.run(f).logged().size();
                    }
                    cost.get(c + " " + k)[0][r] = (System.nanoTime() - wall) / batch;
                    cost.get(c + " " + k)[1][r] = (THREADS.getCurrentThreadCpuTime() - cpu) / batch;
                }
            }
        }
        System.out.printf("%nPer-request cost (us per transaction, phases 1-5, median of %d rounds x %d)%n", rounds,
                batch);
        System.out.printf("  %-8s", "request");
        CONFIGURATIONS.forEach(c -> System.out.printf(" %14s %14s", c + " cpu", c + " wall"));
        System.out.println();
        for (String k : REQUESTS) {
            System.out.printf("  %-8s", k);
            for (String c : CONFIGURATIONS) {
                long[][] t = cost.get(c + " " + k);
                System.out.printf(" %14.1f %14.1f", median(t[1]) / 1e3, median(t[0]) / 1e3);
            }
            System.out.println();
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
