package dev.parapet.rulesets;

import dev.parapet.engine.Firewall;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load time: reading and compiling each rule configuration into a Firewall. Single shots in fresh JVMs give the
 * cold start an application sees; the warmed-up average shows the steady cost of a reload.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulesetsLoadBenchmark {

    @Param({"parapet", "crs", "parapet+crs"})
    public String rules;

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Firewall coldLoad() {
        return RulesetsBenchmarks.configuration(rules).build();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public Firewall warmLoad() {
        return RulesetsBenchmarks.configuration(rules).build();
    }
}
