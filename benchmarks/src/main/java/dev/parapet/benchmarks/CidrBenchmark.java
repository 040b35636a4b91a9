package dev.parapet.benchmarks;

import dev.parapet.operators.IpMatch;
import dev.parapet.operators.Operator;
import dev.parapet.operators.OperatorArgs;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CIDR lookup through {@code @ipMatch}: is the client address in a list of {@code networks} IPv4 networks
 * (/8 to /32, fixed pseudo-random seed) plus a few IPv6 ones? Measured for an IPv4 address inside the list,
 * one outside it, and an IPv6 address outside it (each lookup parses the address string, as the operator does
 * on {@code REMOTE_ADDR}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CidrBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CidrBenchmark {

    @Param({"10", "1000", "10000"})
    public int networks;

    private Operator operator;
    private String inside;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        StringJoiner list = new StringJoiner(",");
        String first = null;
        for (int i = 0; i < networks; i++) {
            int prefix = 8 + random.nextInt(25);
            String net = (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "/" + prefix;
            list.add(net);
            if (first == null) {
                first = net;
            }
        }
        list.add("2001:db8::/32").add("fd00::/8").add("::1/128");
        operator = IpMatch.create(OperatorArgs.of("ipMatch", list.toString()));
        inside = first.substring(0, first.indexOf('/'));
        check(inside, true);
        check("1.2.3.4", false);
        check("2a00:1450:4001:80b::200e", false);
    }

    private void check(String address, boolean expected) {
        if (operator.evaluate(BenchOperatorContext.INSTANCE, address) != expected) {
            throw new IllegalStateException(address + " should " + (expected ? "" : "not ") + "match");
        }
    }

    /** An IPv4 address inside one of the networks. */
    @Benchmark
    public boolean ipv4Inside() {
        return operator.evaluate(BenchOperatorContext.INSTANCE, inside);
    }

    /** An IPv4 address in none of the networks (1.x is never generated). */
    @Benchmark
    public boolean ipv4Outside() {
        return operator.evaluate(BenchOperatorContext.INSTANCE, "1.2.3.4");
    }

    /** An IPv6 address in none of the networks. */
    @Benchmark
    public boolean ipv6Outside() {
        return operator.evaluate(BenchOperatorContext.INSTANCE, "2a00:1450:4001:80b::200e");
    }
}
