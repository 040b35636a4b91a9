package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Startup cost of a full rule set: the time of the first {@link Firewall} build in this (fresh) JVM, of later
 * builds once warmed, and the heap the built firewall retains (heap in use after full GCs with the firewall
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

        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        Firewall firewall = ruleset.build(crs);
        double firstMillis = (System.nanoTime() - start) / 1e6;
        long after = usedAfterGc(memory);

        double[] warm = new double[warmBuilds];
        for (int i = 0; i < warmBuilds; i++) {
            long t = System.nanoTime();
            Reference.reachabilityFence(ruleset.build(crs));
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%s: %d rules%n", ruleset, firewall.ruleCount());
        System.out.printf(Locale.ROOT, "first build in a fresh JVM: %.0f ms%n", firstMillis);
        if (warmBuilds > 0) {
            System.out.printf(Locale.ROOT, "warm builds (%d): median %.0f ms, best %.0f ms%n", warmBuilds,
                    warm[warmBuilds / 2], warm[0]);
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
