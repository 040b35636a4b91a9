package dev.parapet.benchmarks;

import dev.parapet.benchmarks.HttpExchange.Header;
import dev.parapet.engine.Firewall;
import java.util.List;
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
 * How the cost of a whole benign POST transaction grows with the body: a generated urlencoded form, JSON
 * document or multipart upload (see {@link Bodies}) of {@code bodyBytes} bytes, with minimal headers, under
 * a full rule set. Form and JSON bodies become ARGS that every argument rule inspects; the multipart body is
 * mostly one file part, which CRS inspects far less.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BodySizeBenchmark -prof gc}
 * (e.g. {@code -p ruleset=CRS_PL2 -p bodyBytes=1024,65536}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BodySizeBenchmark {

    /** The body encodings. */
    public enum Kind { FORM, JSON, MULTIPART }

    @Param({"CRS_PL1"})
    public RulesetFixture ruleset;

    @Param({"FORM", "JSON", "MULTIPART"})
    public Kind kind;

    @Param({"1024", "8192", "65536"})
    public int bodyBytes;

    private Firewall firewall;
    private HttpExchange exchange;

    @Setup
    public void setUp() {
        firewall = ruleset.build();
        exchange = exchange(kind, bodyBytes);
        TransactionRunner.Outcome outcome = TransactionRunner.run(firewall, exchange);
        if (outcome.interrupted()) {
            throw new IllegalStateException(kind + " body of " + bodyBytes + " bytes was blocked under " + ruleset
                    + ": " + outcome.interruption());
        }
    }

    /** The benign POST of {@code kind} with a body of about {@code bytes} bytes. */
    public static HttpExchange exchange(Kind kind, int bytes) {
        return switch (kind) {
            case FORM -> post("application/x-www-form-urlencoded", Bodies.form(bytes));
            case JSON -> post("application/json", Bodies.json(bytes));
            case MULTIPART -> post("multipart/form-data; boundary=" + Bodies.BOUNDARY, Bodies.multipart(bytes));
        };
    }

    private static HttpExchange post(String contentType, byte[] body) {
        return RequestShape.exchange("POST", "/api/v1/import", List.of(
                new Header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"),
                new Header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                new Header("Content-Type", contentType)), body);
    }

    /** One whole transaction of the generated POST. */
    @Benchmark
    public TransactionRunner.Outcome transaction() {
        return TransactionRunner.run(firewall, exchange);
    }
}
