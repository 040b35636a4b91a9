package dev.parapet.benchmarks;

import dev.parapet.transformations.Transformation;
import dev.parapet.transformations.TransformationRegistry;
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
 * Nanoseconds per call of each transformation ({@code t:name}) on a 1 KB value: {@code PLAIN} English text,
 * which most decoders return unchanged (their fast path), and {@code ENCODED} text full of percent, entity,
 * escape and comment sequences, which they rewrite.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransformationBenchmark -prof gc}
 * (one transformation: {@code -p name=urlDecodeUni}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TransformationBenchmark {

    /** The inputs. */
    public enum Input { PLAIN, ENCODED }

    /** Every transformation the registry knows, by its SecLang name. */
    @Param({"base64Decode", "base64DecodeExt", "base64Encode", "cmdLine", "compressWhitespace", "cssDecode",
            "escapeSeqDecode", "hexDecode", "hexEncode", "htmlEntityDecode", "jsDecode", "length", "lowercase",
            "md5", "normalizePath", "normalizePathWin", "parityEven7bit", "parityOdd7bit", "parityZero7bit",
            "removeComments", "removeCommentsChar", "removeNulls", "removeWhitespace", "replaceComments",
            "replaceNulls", "sha1", "sqlHexDecode", "trim", "trimLeft", "trimRight", "uppercase", "urlDecode",
            "urlDecodeUni", "urlEncode", "utf8toUnicode"})
    public String name;

    @Param({"PLAIN", "ENCODED"})
    public Input input;

    private Transformation transformation;
    private String value;

    @Setup
    public void setUp() {
        transformation = TransformationRegistry.lookup(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown transformation " + name));
        value = input == Input.PLAIN ? Inputs.plain(1024) : Inputs.encoded(1024);
    }

    /** One application of the transformation to the 1 KB value. */
    @Benchmark
    public String apply() {
        return transformation.apply(value);
    }
}
