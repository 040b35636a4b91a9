package dev.parapet.lambda.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.parapet.lambda.LambdaAuditLog;
import dev.parapet.lambda.LambdaGuard;
import dev.parapet.lambda.internal.GuardSettings;
import dev.parapet.lambda.internal.RestAdapter;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per warm invocation, the same cases as {@link ApiGatewayInvocationBenchmark}, measured with the
 * thread's CPU clock. JMH reports wall time, which on a shared, loaded machine also counts the time the
 * thread waited for a core; the CPU time does not, so this figure stays comparable between runs.
 *
 * <p>Usage: {@code InvocationCpuProbe crs|inline [warm-up invocations] [rounds]}; prints one JSON line per case.
 */
public final class InvocationCpuProbe {

    private static final int PER_ROUND = 2000;

    private InvocationCpuProbe() {
    }

    public static void main(String[] args) {
        String rules = args.length > 0 ? args[0] : "crs";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
                InvocationCpuProbe.class.getClassLoader());
        APIGatewayProxyRequestEvent get = serializer.fromJson(new ByteArrayInputStream(BenchRules.fixture("rest-get.json")));
        APIGatewayProxyRequestEvent post = serializer.fromJson(
                new ByteArrayInputStream(BenchRules.fixture("rest-post-json.json")));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> app = (e, c) ->
                new APIGatewayProxyResponseEvent().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody("{\"id\":42,\"status\":\"shipped\",\"items\":[{\"sku\":\"B-1\",\"qty\":2}]}");
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> guarded =
                LambdaGuard.builder(BenchRules.named(rules)).auditLog(LambdaAuditLog.disabled()).build()
                        .apiGatewayRest(app);
        GuardSettings settings = new GuardSettings(null, 0, LambdaAuditLog.disabled());
        if (guarded.handleRequest(get, null).getStatusCode() != 200 || guarded.handleRequest(post, null).getStatusCode() != 200) {
            throw new IllegalStateException("the probe events must pass the " + rules + " rules");
        }
        measure(rules, "bareGet", warmup, rounds, () -> app.handleRequest(get, null));
        measure(rules, "mapGet", warmup, rounds, () -> {
            try {
                RestAdapter.INSTANCE.request(get, settings);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        measure(rules, "guardedGet", warmup, rounds, () -> guarded.handleRequest(get, null));
        measure(rules, "guardedPostJson", warmup, rounds, () -> guarded.handleRequest(post, null));
    }

    private static void measure(String rules, String name, int warmup, int rounds, Runnable op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        double[] cpuMicros = new double[rounds];
        double[] wallMicros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                op.run();
            }
            cpuMicros[r] = (threads.getCurrentThreadCpuTime() - c) / 1e3 / PER_ROUND;
            wallMicros[r] = (System.nanoTime() - t) / 1e3 / PER_ROUND;
        }
        Arrays.sort(cpuMicros);
        Arrays.sort(wallMicros);
        System.out.printf(Locale.ROOT,
                "{\"rules\":\"%s\",\"case\":\"%s\",\"cpu_us_per_op_median\":%.2f,\"cpu_us_per_op_min\":%.2f,"
                        + "\"wall_us_per_op_median\":%.2f,\"rounds\":%d,\"ops_per_round\":%d}%n",
                rules, name, cpuMicros[rounds / 2], cpuMicros[0], wallMicros[rounds / 2], rounds, PER_ROUND);
    }
}
