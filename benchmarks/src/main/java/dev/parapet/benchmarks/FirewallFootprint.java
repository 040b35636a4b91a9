package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;

/**
 * Startup cost of a full rule set: the time of the first {@link Firewall} build in this (fresh) JVM, of later
 * builds once warmed — wall-clock and the building thread's own CPU time, which a busy machine does not
 * stretch (JIT compiler threads, which also work during a first build, are not included) — and the heap the
 * built firewall retains (heap in use after full GCs with the firewall
 * held, minus before it was built). The retained size is an estimate: the JVM's used-heap figure after
 * {@code System.gc()}, which is exact enough at megabyte scale with a stop-the-world collector.
 *
 * <p>Run in a fresh JVM: {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar
 * dev.parapet.benchmarks.FirewallFootprint [RULESET] [warm builds]}.
 */
public final class FirewallFootprint {

    private FirewallFootprint() {
    }

    public static void main(String[] args) {
        RulesetFixture ruleset = args.length > 0 ? RulesetFixture.valueOf(args[0]) : RulesetFixture.CRS_PL1;
        int warmBuilds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var crs = CrsDirectory.locate();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Firewall firewall = ruleset.build(crs);
        double firstCpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        double firstMillis = (System.nanoTime() - start) / 1e6;
        long after = usedAfterGc(memory);

        double[] warm = new double[warmBuilds];
        double[] warmCpu = new double[warmBuilds];
        for (int i = 0; i < warmBuilds; i++) {
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            Reference.reachabilityFence(ruleset.build(crs));
            warmCpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf(Locale.ROOT, "%s: %d rules%n", ruleset, firewall.ruleCount());
        System.out.printf(Locale.ROOT, "first build in a fresh JVM: %.0f ms wall, %.0f ms CPU of the building thread%n",
                firstMillis, firstCpu);
        if (warmBuilds > 0) {
            System.out.printf(Locale.ROOT, "warm builds (%d): median %.0f ms wall (best %.0f), median %.0f ms CPU "
                    + "(best %.0f)%n", warmBuilds, warm[warmBuilds / 2], warm[0], warmCpu[warmBuilds / 2], warmCpu[0]);
        }
        System.out.printf(Locale.ROOT, "heap retained by the firewall: %.1f MB%n", (after - before) / 1048576.0);
        Reference.reachabilityFence(firewall);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
