package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * CPU per transaction when successive transactions run on different threads, as they do in a server: the same
 * thread every time, a pool of platform threads taking turns (a servlet container's request threads), and a new
 * virtual thread per transaction. Transactions run one at a time, so the figures compare per-transaction cost
 * rather than parallelism; the CPU is the whole process's, divided by the transactions run (best round), and
 * "hand-off" is the CPU of placing an empty task the same way. Allocation counts every thread (last round).
 *
 * <p>Per-thread state anywhere on the path (the regex library's DFA caches, thread-local pools) shows up here
 * as a gap between the modes; {@link CpuProbe} only ever measures the first.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.ThreadingProbe [count]
 * [rounds] [RULESET] [SHAPE[,SHAPE]] [poolThreads]}, e.g. {@code ... ThreadingProbe 2000 3 CRS_PL1 GET_QUERY 16}.
 */
public final class ThreadingProbe {

    private ThreadingProbe() {
    }

    /** How successive transactions are placed on threads. */
    enum Mode { SAME_THREAD, THREAD_POOL, VIRTUAL_PER_TX }

    /** Process CPU µs and allocated KB (all threads) per transaction of one run. */
    record Cost(double cpuMicros, double allocatedKb) {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        RulesetFixture ruleset = args.length > 2 ? RulesetFixture.valueOf(args[2]) : RulesetFixture.CRS_PL1;
        List<RequestShape> shapes = new ArrayList<>();
        for (String name : (args.length > 3 ? args[3] : "GET_QUERY").split(",")) {
            shapes.add(RequestShape.valueOf(name.trim()));
        }
        int poolThreads = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        Firewall firewall = ruleset.build();
        ExecutorService pool = Executors.newFixedThreadPool(poolThreads);
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        System.out.printf(Locale.ROOT, "%-8s %-12s %-15s %12s %14s %13s%n", "ruleset", "shape", "mode", "cpu us/tx",
                "hand-off us", "alloc KB/tx");
        try {
            for (RequestShape shape : shapes) {
                HttpExchange exchange = shape.exchange();
                Mode[] modes = Mode.values();
                double[] best = new double[modes.length];
                double[] allocated = new double[modes.length];
                Arrays.fill(best, Double.MAX_VALUE);
                for (Mode mode : modes) { // warm-up: JIT, and each mode's threads
                    run(firewall, exchange, mode, mode == Mode.THREAD_POOL ? pool : virtual, count);
                }
                for (int r = 0; r < rounds; r++) { // modes interleaved, so drifting machine load hits all alike
                    for (int m = 0; m < modes.length; m++) {
                        Cost cost = run(firewall, exchange, modes[m], modes[m] == Mode.THREAD_POOL ? pool : virtual,
                                count);
                        best[m] = Math.min(best[m], cost.cpuMicros());
                        allocated[m] = cost.allocatedKb();
                    }
                }
                for (int m = 0; m < modes.length; m++) {
                    double handOff = Double.MAX_VALUE;
                    for (int r = 0; r < rounds; r++) {
                        handOff = Math.min(handOff, run(null, exchange, modes[m],
                                modes[m] == Mode.THREAD_POOL ? pool : virtual, count * 10).cpuMicros());
                    }
                    System.out.printf(Locale.ROOT, "%-8s %-12s %-15s %12.1f %14.1f %13.1f%n", ruleset, shape,
                            modes[m], best[m], handOff, allocated[m]);
                }
            }
        } finally {
            pool.shutdownNow();
            virtual.shutdownNow();
        }
    }

    /**
     * The cost per transaction of {@code count} transactions placed by {@code mode}; with a null
     * {@code firewall}, the cost of placing an empty task the same way.
     */
    private static Cost run(Firewall firewall, HttpExchange exchange, Mode mode, ExecutorService executor,
                              int count) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getTotalThreadAllocatedBytes();
        long c0 = os.getProcessCpuTime();
        long sink = 0;
        for (int i = 0; i < count; i++) {
            if (mode == Mode.SAME_THREAD) {
                sink += firewall == null ? i : TransactionRunner.run(firewall, exchange).matchedRules();
            } else {
                final int k = i;
                Future<Integer> f = executor.submit(() -> firewall == null ? k
                        : TransactionRunner.run(firewall, exchange).matchedRules());
                sink += f.get();
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return new Cost((os.getProcessCpuTime() - c0) / 1e3 / count,
                (threads.getTotalThreadAllocatedBytes() - a0) / 1024.0 / count);
    }
}
