package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time and allocation per whole transaction, measured on the benchmark thread itself
 * ({@code ThreadMXBean} thread CPU time and allocated bytes) rather than by the wall clock. Use it next to
 * {@link TransactionBenchmark} on a shared machine: other processes stretch JMH's wall-clock figures, but
 * not the CPU the transactions themselves consume.
 *
 * <p>For each rule set and shape it warms up with {@code count} transactions, then runs {@code rounds} rounds
 * of {@code count} transactions and prints the median round's CPU µs and allocated KB per transaction.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.CpuProbe [count] [rounds]
 * [RULESET[,RULESET]] [SHAPE[,SHAPE]]}, e.g. {@code ... CpuProbe 2000 5 CRS_PL1 GET_QUERY,POST_FORM}.
 */
public final class CpuProbe {

    private CpuProbe() {
    }

    /** One measured configuration. */
    record Result(RulesetFixture ruleset, RequestShape shape, double cpuMicros, double wallMicros,
                  double allocatedKb) {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<RulesetFixture> rulesets = args.length > 2 ? parse(args[2], RulesetFixture.class)
                : List.of(RulesetFixture.values());
        List<RequestShape> shapes = args.length > 3 ? parse(args[3], RequestShape.class)
                : List.of(RequestShape.values());
        System.out.printf(Locale.ROOT, "%-8s %-22s %12s %12s %12s%n", "ruleset", "shape", "cpu us/tx",
                "wall us/tx", "alloc KB/tx");
        for (RulesetFixture ruleset : rulesets) {
            Firewall firewall = ruleset.build();
            for (RequestShape shape : shapes) {
                Result r = measure(firewall, ruleset, shape, count, rounds);
                System.out.printf(Locale.ROOT, "%-8s %-22s %12.1f %12.1f %12.1f%n", ruleset, shape,
                        r.cpuMicros(), r.wallMicros(), r.allocatedKb());
            }
        }
    }

    static Result measure(Firewall firewall, RulesetFixture ruleset, RequestShape shape, int count, int rounds) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        HttpExchange exchange = shape.exchange();
        long sink = 0;
        for (int i = 0; i < count; i++) { // warm-up: let the JIT compile the path first
            sink += TransactionRunner.run(firewall, exchange).matchedRules();
        }
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        double[] alloc = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(self);
            long w0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sink += TransactionRunner.run(firewall, exchange).matchedRules();
            }
            wall[r] = (System.nanoTime() - w0) / 1e3 / count;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / count;
            alloc[r] = (threads.getThreadAllocatedBytes(self) - a0) / 1024.0 / count;
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return new Result(ruleset, shape, median(cpu), median(wall), median(alloc));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <E extends Enum<E>> List<E> parse(String names, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String name : names.split(",")) {
            out.add(Enum.valueOf(type, name.trim()));
        }
        return out;
    }
}
