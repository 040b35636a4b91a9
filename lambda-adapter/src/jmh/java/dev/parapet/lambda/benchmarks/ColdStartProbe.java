package dev.parapet.lambda.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.parapet.engine.Firewall;
import dev.parapet.lambda.FirewallHolder;
import dev.parapet.lambda.LambdaAuditLog;
import dev.parapet.lambda.LambdaGuard;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;

/**
 * What a cold start costs, measured in the JVM it runs in (start a fresh one per run): the time to
 * build a {@link Firewall} from a rule set, the heap the compiled rules keep, and the latency of the
 * first, second and (median of the 91st to 100th) hundredth guarded invocation of the typical API Gateway GET
 * event. Prints one JSON line.
 *
 * <p>Usage: {@code ColdStartProbe crs|bundled|inline|none|crs+prime|bundled+prime}; {@code none} builds nothing and gives
 * the baseline; {@code +prime} builds through {@link FirewallHolder#eager}, which also primes the request path.
 * {@code lambda-adapter/bench/cold-start.sh} runs it several times and reports medians.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        String rules = args.length > 0 ? args[0] : "crs";
        long jvmUptimeAtMainMs = ManagementFactory.getRuntimeMXBean().getUptime();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class,
                ColdStartProbe.class.getClassLoader());
        APIGatewayProxyRequestEvent event = serializer.fromJson(new ByteArrayInputStream(BenchRules.fixture("rest-get.json")));
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> app = (e, c) ->
                new APIGatewayProxyResponseEvent().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/json")).withBody("{\"id\":42}");
        long heapBefore = usedHeapAfterGc(memory);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Firewall firewall = null;
        if (rules.endsWith("+prime")) {
            // What FirewallHolder.eager does in a handler's static initializer: build, then prime.
            firewall = FirewallHolder.eager(() -> BenchRules.named(rules.substring(0, rules.indexOf('+')))).get();
        } else if (!rules.equals("none")) {
            firewall = BenchRules.named(rules);
        }
        long buildNanos = System.nanoTime() - t0;
        long buildCpuNanos = threads.getCurrentThreadCpuTime() - c0;

        long heapAfter = usedHeapAfterGc(memory);
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = firewall == null ? app
                : LambdaGuard.builder(firewall).auditLog(LambdaAuditLog.disabled()).build().apiGatewayRest(app);

        long c1 = threads.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        int status = handler.handleRequest(event, null).getStatusCode();
        long firstNanos = System.nanoTime() - t1;
        long firstCpuNanos = threads.getCurrentThreadCpuTime() - c1;
        long t2 = System.nanoTime();
        handler.handleRequest(event, null);
        long secondNanos = System.nanoTime() - t2;
        // Invocations 3..100: how quickly the JIT brings a warm environment to its steady state.
        long[] later = new long[98];
        for (int i = 0; i < later.length; i++) {
            long t = System.nanoTime();
            handler.handleRequest(event, null);
            later[i] = System.nanoTime() - t;
        }
        long[] last10 = java.util.Arrays.copyOfRange(later, later.length - 10, later.length);
        java.util.Arrays.sort(last10);
        long hundredthNanos = last10[last10.length / 2];

        System.out.printf(Locale.ROOT,
                "{\"rules\":\"%s\",\"rule_count\":%d,\"status\":%d,\"jvm_uptime_at_main_ms\":%d,\"build_ms\":%.1f,"
                        + "\"build_cpu_ms\":%.1f,\"retained_heap_mb\":%.1f,\"first_invocation_ms\":%.2f,"
                        + "\"first_invocation_cpu_ms\":%.2f,\"second_invocation_ms\":%.3f,\"invocation_100_ms\":%.3f,"
                        + "\"process_cpu_ms\":%d}%n",
                rules, firewall == null ? 0 : firewall.ruleCount(), status, jvmUptimeAtMainMs, buildNanos / 1e6,
                buildCpuNanos / 1e6, (heapAfter - heapBefore) / (1024.0 * 1024.0), firstNanos / 1e6,
                firstCpuNanos / 1e6, secondNanos / 1e6, hundredthNanos / 1e6, processCpuMillis());
        if (firewall != null && firewall.ruleCount() == 0) {
            throw new IllegalStateException("no rules loaded");
        }
    }

    /** CPU time of the whole JVM so far: the build plus JIT compiler and GC threads. */
    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** Used heap once garbage is collected, so what remains is what is still referenced. */
    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
