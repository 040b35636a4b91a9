package dev.parapet.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures how long CRS takes to load and how much heap one loaded {@link Firewall} keeps. Not a test:
 * run it by hand in its own JVM (numbers from a shared test JVM mean little).
 *
 * <pre>
 * ./mvnw -q -pl core -am test-compile
 * ./mvnw -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -XX:+UseSerialGC -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.parapet.engine.CrsFootprint ../shared/crs-4.28.0
 * </pre>
 *
 * <p>Cold: the first build in a fresh JVM, and the time from JVM start until it is done. Warm: the
 * median of 10 builds after 10 unmeasured ones. Wall time suffers on a busy machine; the loading
 * thread's CPU time less so (JIT and GC threads are not in it). Retained heap: used heap after full GCs with one
 * firewall reachable, minus the same without it; each firewall is kept alive while measured.
 */
public final class CrsFootprint {

    private CrsFootprint() {
    }

    public static void main(String[] args) {
        Path crs = Path.of(args.length > 0 ? args[0] : "../shared/crs-4.28.0");
        if (!Files.isDirectory(crs.resolve("rules"))) {
            System.err.println("CRS not found at " + crs.toAbsolutePath());
            System.exit(2);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        Firewall first = CrsTestSupport.crs(crs, null).build();
        long coldCpu = threads.getCurrentThreadCpuTime() - c0;
        long coldNanos = System.nanoTime() - t0;
        long sinceJvmStart = System.currentTimeMillis() - jvmStart;
        System.out.printf(Locale.ROOT, "rules loaded: %d (CPUs: %d, load average: %.1f)%n", first.ruleCount(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "cold load (first build in a fresh JVM): %.0f ms wall, %.0f ms CPU of the loading thread"
                + " (JVM start to loaded: %d ms)%n", coldNanos / 1e6, coldCpu / 1e6, sinceJvmStart);

        for (int i = 0; i < 10; i++) {
            CrsTestSupport.crs(crs, null).build();
        }
        List<Long> warm = new ArrayList<>();
        List<Long> warmCpu = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            CrsTestSupport.crs(crs, null).build();
            warmCpu.add(threads.getCurrentThreadCpuTime() - c);
            warm.add(System.nanoTime() - s);
        }
        warm.sort(null);
        warmCpu.sort(null);
        System.out.printf(Locale.ROOT, "warm load (median of 10 after 10): %.0f ms wall (min %.0f, max %.0f), %.0f ms CPU%n",
                warm.get(5) / 1e6, warm.get(0) / 1e6, warm.get(9) / 1e6, warmCpu.get(5) / 1e6);

        first = null;
        long baseline = usedAfterGc();
        Firewall[] kept = new Firewall[3];
        long[] retained = new long[kept.length];
        long before = baseline;
        for (int i = 0; i < kept.length; i++) {
            kept[i] = CrsTestSupport.crs(crs, null).build();
            long after = usedAfterGc();
            retained[i] = after - before;
            before = after;
        }
        // one transaction, so lazily built per-firewall state (if any) is counted too
        try (Transaction tx = kept[0].newTransaction()) {
            tx.processUri("GET", "/?q=1", "HTTP/1.1");
            tx.processRequestHeaders();
        }
        long all = usedAfterGc() - baseline;
        System.out.printf(Locale.ROOT, "retained heap per firewall: %.1f MiB, %.1f MiB, %.1f MiB (3 together: %.1f MiB)%n",
                retained[0] / 1048576.0, retained[1] / 1048576.0, retained[2] / 1048576.0, all / 1048576.0);
        if (kept[0].ruleCount() != kept[2].ruleCount()) {
            throw new IllegalStateException("firewalls differ");
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
