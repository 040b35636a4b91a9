package dev.parapet.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Compares two builds of the engine in one JVM, round by round: each build's benchmarks jar is loaded in its
 * own class loader (so each has its own compiled code), and batches of the same transactions run on one
 * thread alternately, the order swapped every round. The verdict is the median of the per-round ratios of
 * thread CPU time, new over old: a slower machine minute slows both sides of a round, so the ratio is far
 * steadier than figures from separate runs on a shared machine. Allocation per transaction is exact.
 *
 * <p>Both jars must contain {@link TransactionBatch} (any build from this one on). Run: {@code java -Xms2g
 * -Xmx2g -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.AbCompare OLD.jar NEW.jar [RULESET]
 * [SHAPE[,SHAPE]] [batch] [rounds]}, e.g. {@code ... AbCompare /tmp/old.jar benchmarks/target/benchmarks.jar
 * CRS_PL1 GET_QUERY,POST_FORM,POST_JSON 300 30} (about 90 s).
 */
public final class AbCompare {

    private AbCompare() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: AbCompare OLD.jar NEW.jar [RULESET] [SHAPE[,SHAPE]] [batch] [rounds]");
            System.exit(2);
        }
        String ruleset = args.length > 2 ? args[2] : "CRS_PL1";
        String[] shapes = (args.length > 3 ? args[3] : "GET_QUERY,POST_FORM,POST_JSON").split(",");
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String shape : shapes) {
            LongUnaryOperator[] builds = {load(args[0], ruleset, shape), load(args[1], ruleset, shape)};
            for (LongUnaryOperator build : builds) {
                build.applyAsLong(4L * batch); // warm-up: the JIT compiles each build's path
            }
            double[][] cpu = new double[2][rounds];
            double[] allocated = new double[2];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int b = (r + k) % 2;
                    long start = threads.getCurrentThreadCpuTime();
                    long bytes = builds[b].applyAsLong(batch);
                    cpu[b][r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / batch;
                    allocated[b] = bytes / 1024.0 / batch;
                }
            }
            double[] ratios = new double[rounds];
            int newFaster = 0;
            for (int r = 0; r < rounds; r++) {
                ratios[r] = cpu[1][r] / cpu[0][r];
                newFaster += cpu[1][r] < cpu[0][r] ? 1 : 0;
            }
            for (int b = 0; b < 2; b++) {
                double[] sorted = cpu[b].clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-10s %-3s cpu min %8.1f  median %8.1f us/tx  alloc %7.1f KB/tx%n",
                        shape, b == 0 ? "old" : "new", sorted[0], sorted[rounds / 2], allocated[b]);
            }
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%-10s new/old cpu: median ratio %.3f (quartiles %.3f-%.3f), new faster in %d of %d rounds%n",
                    shape, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], newFaster, rounds);
        }
    }

    private static LongUnaryOperator load(String jar, String ruleset, String shape) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        return (LongUnaryOperator) loader.loadClass(TransactionBatch.class.getName())
                .getConstructor(String.class, String.class).newInstance(ruleset, shape);
    }
}
