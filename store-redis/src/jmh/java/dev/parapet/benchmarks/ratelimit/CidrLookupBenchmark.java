package dev.parapet.benchmarks.ratelimit;

import dev.parapet.ip.CidrSet;
import dev.parapet.ip.IpAddress;
import dev.parapet.ip.IpNetwork;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Longest-prefix lookup in a 100,000-entry {@link CidrSet} (90% IPv4 /16–/32, 10% IPv6 /32–/128,
 * nested and overlapping), for random addresses: parsed already, and from text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CidrLookupBenchmark {

    private static final int NETWORKS = 100_000;
    private static final int PROBES = 4096;

    private CidrSet<Integer> set;
    private IpAddress[] probes;
    private String[] probeTexts;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        CidrSet.Builder<Integer> b = CidrSet.builder();
        for (int i = 0; i < NETWORKS; i++) {
            if (random.nextInt(10) == 0) {
                IpAddress a = new IpAddress(0x2001_0db8_0000_0000L | (random.nextLong() & 0xFFFF_FFFFL), random.nextLong());
                b.add(new IpNetwork(a, 32 + random.nextInt(97)), i);
            } else {
                b.add(new IpNetwork(IpAddress.ofIpv4(random.nextInt()), 96 + 16 + random.nextInt(17)), i);
            }
        }
        set = b.build();
        probes = new IpAddress[PROBES];
        probeTexts = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = random.nextInt(10) == 0
                    ? new IpAddress(0x2001_0db8_0000_0000L | (random.nextLong() & 0xFFFF_FFFFL), random.nextLong())
                    : IpAddress.ofIpv4(random.nextInt());
            probeTexts[i] = probes[i].toString();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Integer lookup(Cursor c) {
        return set.lookup(probes[c.next++ & (PROBES - 1)]);
    }

    @Benchmark
    public Integer parseAndLookup(Cursor c) {
        return set.lookup(probeTexts[c.next++ & (PROBES - 1)]);
    }
}
