package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import java.nio.file.Path;
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
 * Time to build a {@link Firewall} from the full rule set: read and parse every CRS file, compile ~600 rules
 * (regexes, Aho–Corasick automatons from the data files). {@link #warmBuild} is a build in a warmed JVM
 * (startup cost of a second firewall, e.g. a reload); {@link #freshBuild} is the first build in a fresh JVM,
 * what an application pays at startup, measured once per fork.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RuleLoadingBenchmark} (the fresh figure is best
 * taken over several forks: {@code RuleLoadingBenchmark.freshBuild -f 5}).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleLoadingBenchmark {

    @Param({"CRS_PL1"})
    public RulesetFixture ruleset;

    private Path crs;

    @Setup
    public void setUp() {
        crs = CrsDirectory.locate();
    }

    /** A full build in a warmed JVM. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Firewall warmBuild() {
        return ruleset.build(crs);
    }

    /** The first full build in a fresh JVM (one shot per fork). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public Firewall freshBuild() {
        return ruleset.build(crs);
    }
}
