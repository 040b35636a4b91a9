package dev.parapet.benchmarks;

import dev.parapet.operators.Operator;
import dev.parapet.operators.PmFromFile;
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
 * {@code @pmFromFile} (Aho–Corasick) with CRS's data files: one search over a 1 KB benign value that
 * matches no phrase (the common case, which scans the whole input). {@code php-errors.data} is CRS's largest
 * list (75 KB, response rule 953100); {@code lfi-os-files.data} (18 KB) is searched in every request argument
 * by PL1 rule 930120; {@code unix-shell.data} by 932160.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PmBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PmBenchmark {

    @Param({"php-errors.data", "lfi-os-files.data", "unix-shell.data"})
    public String dataFile;

    private Operator operator;
    private String value;

    @Setup
    public void setUp() {
        Path crs = CrsDirectory.locate();
        operator = PmFromFile.create(CrsRules.operatorArgs(crs, "pmFromFile", dataFile));
        value = Inputs.plain(1024);
        if (operator.evaluate(BenchOperatorContext.INSTANCE, value)) {
            throw new IllegalStateException(dataFile + " matches the benign input; pick another input");
        }
    }

    /** One phrase search over the 1 KB value. */
    @Benchmark
    public boolean search() {
        return operator.evaluate(BenchOperatorContext.INSTANCE, value);
    }
}
