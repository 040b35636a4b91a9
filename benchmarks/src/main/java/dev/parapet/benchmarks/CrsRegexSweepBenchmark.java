package dev.parapet.benchmarks;

import dev.parapet.operators.internal.ModSecRegex;
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
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * Every paranoia-level-1 {@code @rx} of CRS's request rules ({@code REQUEST-*.conf}, chain links included),
 * compiled through {@link ModSecRegex} and searched once each over one benign value of {@code length} bytes:
 * roughly the regex work one argument value costs at PL1, before transformations and variable selection
 * (most rules see only some variables, and several see a value more than once after different transformations).
 *
 * <p>{@link #searchAll} makes a new matcher per search; {@link #searchAllReusingMatchers} resets one matcher per
 * pattern, as a transaction does since it hands out reusable matchers.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CrsRegexSweepBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CrsRegexSweepBenchmark {

    @Param({"100", "1024"})
    public int length;

    private Pattern[] patterns;
    private Matcher[] matchers;
    private String value;

    @Setup
    public void setUp() {
        patterns = CrsRules.rules(CrsDirectory.locate(), "REQUEST-").stream()
                .filter(r -> r.operator().equals("rx") && r.paranoiaLevel() == 1)
                .map(r -> ModSecRegex.compile(r.argument(), false))
                .toArray(Pattern[]::new);
        value = Inputs.plain(length);
        matchers = new Matcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = patterns[i].matcher("");
        }
    }

    /** The number of patterns searched per call. */
    public int patternCount() {
        return patterns.length;
    }

    /** One search of every pattern over the value; returns the number of patterns that matched. */
    @Benchmark
    public int searchAll() {
        int hits = 0;
        for (Pattern p : patterns) {
            if (p.matcher(value).find()) {
                hits++;
            }
        }
        return hits;
    }

    /** The same searches through one reused matcher per pattern ({@code reset(value)}). */
    @Benchmark
    public int searchAllReusingMatchers() {
        int hits = 0;
        for (Matcher m : matchers) {
            if (m.reset(value).find()) {
                hits++;
            }
        }
        return hits;
    }
}
