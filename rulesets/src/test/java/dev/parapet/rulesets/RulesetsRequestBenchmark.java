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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Per-request cost: one whole transaction (phases 1-5) of a request through each rule configuration. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesetsRequestBenchmark {

    @Param({"parapet", "crs", "parapet+crs"})
    public String rules;

    @Param({"get", "search", "form", "json", "upload", "attack"})
    public String request;

    private Firewall firewall;
    private CorpusRequest corpusRequest;

    @Setup
    public void setUp() {
        firewall = RulesetsBenchmarks.configuration(rules).build();
        corpusRequest = RulesetsBenchmarks.request(request);
    }

    @Benchmark
    public Object transaction() {
        return corpusRequest.run(firewall);
    }
}
