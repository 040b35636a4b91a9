package dev.parapet.benchmarks;

import dev.parapet.operators.internal.ModSecRegex;
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
import org.safere.Pattern;

/**
 * {@code @rx} through the regex layer ({@link ModSecRegex} on SafeRE): one unanchored search ({@code find})
 * of a CRS rule's pattern over benign text of {@code length} bytes. The rules are chosen for size and kind:
 * 930100 (path traversal, small), 932235 and 932370 (the largest PL1 Unix command lists, ~9 KB patterns),
 * 933120 (PHP configuration names), 941110/941160 (XSS), 942151/942260 (SQL).
 *
 * <p>{@link CrsRegexSweepBenchmark} runs all PL1 request patterns at once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RxBenchmark} (e.g. {@code -p ruleId=932235}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RxBenchmark {

    @Param({"930100", "932235", "932370", "933120", "941110", "941160", "942151", "942260"})
    public int ruleId;

    @Param({"100", "1024"})
    public int length;

    private Pattern pattern;
    private String value;

    @Setup
    public void setUp() {
        Path crs = CrsDirectory.locate();
        CrsRules.Rule rule = CrsRules.rule(crs, ruleId);
        if (!rule.operator().equals("rx")) {
            throw new IllegalArgumentException("rule " + ruleId + " uses @" + rule.operator() + ", not @rx");
        }
        pattern = ModSecRegex.compile(rule.argument(), false);
        value = Inputs.plain(length);
        if (pattern.matcher(value).find()) {
            throw new IllegalStateException("rule " + ruleId + " matches the benign input; pick another input");
        }
    }

    /** One search of the rule's pattern over the benign value. */
    @Benchmark
    public boolean find() {
        return pattern.matcher(value).find();
    }
}
