package dev.parapet.benchmarks;

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

/**
 * Time (and, with {@code -prof gc}, allocation) of one whole transaction — connection, URI, request headers
 * (phase 1), request body (phase 2), response headers (3), response body (4) and logging (5) — under a full
 * rule set, for each {@link RequestShape}: the benign GET, form, JSON and 64 KB multipart requests, and an
 * attack of each kind (which CRS blocks in phase 2, so phases 3–4 are skipped as a server would).
 *
 * <p>Setup fails if a benign shape is blocked or an attack passes that the rule set should block
 * ({@link RulesetFixture#blocks}): the figure always describes the intended path. Run: {@code java -jar benchmarks/target/benchmarks.jar TransactionBenchmark -prof gc}
 * (one rule set: {@code -p ruleset=CRS_PL1}; one shape: {@code -p shape=GET_QUERY}). {@code PARAPET} is the
 * bundled rule set of {@code parapet-rulesets}, without CRS.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransactionBenchmark {

    @Param({"CRS_PL1", "CRS_PL2", "PARAPET"})
    public RulesetFixture ruleset;

    @Param({"GET_QUERY", "POST_FORM", "POST_JSON", "POST_MULTIPART",
            "GET_QUERY_ATTACK", "POST_FORM_ATTACK", "POST_JSON_ATTACK", "POST_MULTIPART_ATTACK"})
    public RequestShape shape;

    private Firewall firewall;
    private HttpExchange exchange;

    @Setup
    public void setUp() {
        firewall = ruleset.build();
        exchange = shape.exchange();
        TransactionRunner.Outcome outcome = TransactionRunner.run(firewall, exchange);
        if (outcome.interrupted() != ruleset.blocks(shape)) {
            throw new IllegalStateException(shape + " under " + ruleset + " was "
                    + (outcome.interrupted() ? "blocked: " + outcome.interruption() : "not blocked")
                    + " (inbound score " + outcome.inboundScore() + ")");
        }
    }

    /** One whole transaction of {@link #shape} under {@link #ruleset}. */
    @Benchmark
    public TransactionRunner.Outcome transaction() {
        return TransactionRunner.run(firewall, exchange);
    }
}
