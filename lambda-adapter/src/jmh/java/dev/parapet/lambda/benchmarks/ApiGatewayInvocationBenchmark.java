package dev.parapet.lambda.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.parapet.engine.Firewall;
import dev.parapet.lambda.LambdaAuditLog;
import dev.parapet.lambda.LambdaGuard;
import dev.parapet.lambda.internal.GuardSettings;
import dev.parapet.lambda.internal.HttpRequestData;
import dev.parapet.lambda.internal.MalformedEventException;
import dev.parapet.lambda.internal.RestAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Per-invocation overhead of Parapet on a typical API Gateway REST event: the GET fixture
 * ({@code rest-get.json}: 8 headers, 3 query values) and a small JSON POST ({@code rest-post-json.json}),
 * answered by a handler that returns a small {@code application/json} body. {@code bare} calls the handler
 * directly; the difference to the guarded variants is what Parapet adds. Events are deserialized once,
 * as the Lambda runtime would before calling the handler, so only the wrapper's own work is timed.
 *
 * <p>Run: {@code lambda-adapter/bench/run-jmh.sh} (see the module README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
public class ApiGatewayInvocationBenchmark {

    private static final GuardSettings SETTINGS = new GuardSettings(null, 0, LambdaAuditLog.disabled());

    @Param({"crs", "bundled", "inline"})
    public String rules;

    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> app;
    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> guarded;
    private RequestStreamHandler guardedStream;
    private APIGatewayProxyRequestEvent get;
    private APIGatewayProxyRequestEvent postJson;
    private byte[] getJson;
    private final Context context = new BenchContext();

    @Setup
    public void setUp() {
        Firewall firewall = BenchRules.named(rules);
        app = (event, ctx) -> new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"id\":42,\"status\":\"shipped\",\"items\":[{\"sku\":\"B-1\",\"qty\":2}]}");
        LambdaGuard guard = LambdaGuard.builder(firewall).auditLog(LambdaAuditLog.disabled()).build();
        guarded = guard.apiGatewayRest(app);
        guardedStream = guard.stream((in, out, ctx) -> {
            in.readAllBytes();
            out.write(("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                    + "\"body\":\"{\\\"id\\\":42}\",\"isBase64Encoded\":false}").getBytes(StandardCharsets.UTF_8));
        });
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
                ApiGatewayInvocationBenchmark.class.getClassLoader());
        getJson = BenchRules.fixture("rest-get.json");
        get = serializer.fromJson(new ByteArrayInputStream(getJson));
        postJson = serializer.fromJson(new ByteArrayInputStream(BenchRules.fixture("rest-post-json.json")));
        // A guarded call must pass, or the benchmark would time a block instead.
        if (guarded.handleRequest(get, context).getStatusCode() != 200
                || guarded.handleRequest(postJson, context).getStatusCode() != 200) {
            throw new IllegalStateException("the benchmark events must pass the " + rules + " rules");
        }
    }

    @Benchmark
    public APIGatewayProxyResponseEvent bareGet() {
        return app.handleRequest(get, context);
    }

    /** The adapter's own share: turning the event into the request the engine sees. */
    @Benchmark
    public HttpRequestData mapGet() throws MalformedEventException {
        return RestAdapter.INSTANCE.request(get, SETTINGS);
    }

    @Benchmark
    public APIGatewayProxyResponseEvent guardedGet() {
        return guarded.handleRequest(get, context);
    }

    @Benchmark
    public APIGatewayProxyResponseEvent guardedPostJson() {
        return guarded.handleRequest(postJson, context);
    }

    /** The stream form also parses the raw event JSON, which the typed form leaves to the runtime. */
    @Benchmark
    public byte[] guardedStreamGet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        guardedStream.handleRequest(new ByteArrayInputStream(getJson), out, context);
        return out.toByteArray();
    }

    /** A context with a fixed request id. */
    static final class BenchContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "6f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7";
        }

        @Override
        public String getLogGroupName() {
            return "bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "bench";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:bench";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                }

                @Override
                public void log(byte[] message) {
                }
            };
        }
    }
}
