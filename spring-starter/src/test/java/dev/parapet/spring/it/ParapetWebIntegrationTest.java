package dev.parapet.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.engine.Firewall;
import dev.parapet.spring.ReloadableFirewall;
import dev.parapet.spring.internal.ParapetMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real application on embedded Tomcat: attacks are blocked with the configured status before
 * Spring Security, benign requests reach the controller with their body intact, Actuator and Micrometer see the
 * blocks, and a hot reload swaps rules under concurrent traffic without a failed request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = TestApplication.class,
        properties = {
                // The configured block status: Parapet's phase-2 anomaly evaluation answers 406 here.
                "parapet.rules.directives=SecRuleUpdateActionById 441910 \"status:406\"",
                "management.endpoints.web.exposure.include=parapet,health",
                "parapet.recent-blocks=10"})
class ParapetWebIntegrationTest {

    static final Path RULE_FILE;

    static {
        try {
            RULE_FILE = Files.createTempFile("parapet-extra", ".conf");
            Files.writeString(RULE_FILE, "# no extra rules yet\n");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void ruleFile(DynamicPropertyRegistry registry) {
        registry.add("parapet.rules.files", RULE_FILE::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReloadableFirewall firewall;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    double blocked(String rule) {
        var counter = meters.find(ParapetMetrics.BLOCKED).tag("rule", rule).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void attackIsBlockedWithTheConfiguredStatusAndShowsInActuatorAndMetrics() throws Exception {
        double before = blocked("441910");
        HttpResponse<String> attack = get("/hello?q=1%27%20OR%20%271%27=%271");
        assertThat(attack.statusCode()).isEqualTo(406);
        assertThat(attack.body()).doesNotContain("hello");
        assertThat(blocked("441910")).isEqualTo(before + 1);
        assertThat(meters.find(ParapetMetrics.INSPECTED).counters()).isNotEmpty();
        assertThat(meters.find(ParapetMetrics.INSPECTION).timer().count()).isPositive();

        HttpResponse<String> report = get("/actuator/parapet");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("\"mode\":\"on\"").contains("\"ruleId\":441910")
                .contains("/hello?q=1%27%20OR").contains("PARAPET-4415-SQLI.conf");
    }

    @Test
    void attackIsStoppedBeforeSpringSecurity() throws Exception {
        // Without credentials Spring Security would answer 401; Parapet runs first and blocks.
        assertThat(get("/secure/data").statusCode()).isEqualTo(401);
        assertThat(get("/secure/data?q=%3Cscript%3Ealert(1)%3C/script%3E").statusCode()).isEqualTo(406);
    }

    @Test
    void benignRequestReachesTheControllerWithItsBodyIntact() throws Exception {
        HttpResponse<String> hello = get("/hello?q=spring");
        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).isEqualTo("hello spring");
        String json = "{\"name\":\"Zoë\",\"items\":[1,2,3],\"note\":\"multi\\nline ✓\"}";
        HttpResponse<String> echo = post("/echo", "application/json", json);
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).isEqualTo(json);
        String form = "a=1&b=two+words&c=%C3%A9";
        assertThat(post("/echo", "text/plain", form).body()).isEqualTo(form);
    }

    @Test
    void hotReloadSwapsRulesUnderConcurrentTrafficWithoutAFailedRequest() throws Exception {
        Firewall original = firewall.get();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int client = t;
            clients.add(pool.submit(() -> {
                int n = 0;
                // Bounded: stops when told, and after 5,000 requests at the most.
                while (running.get() && n++ < 5000) {
                    try {
                        String body = "{\"client\":" + client + ",\"n\":" + n + "}";
                        HttpResponse<String> r = post("/echo", "application/json", body);
                        if (r.statusCode() != 200 || !r.body().equals(body)) {
                            failures.add(r.statusCode() + " " + r.body());
                        } else {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        try {
            Thread.sleep(200);
            Files.writeString(RULE_FILE, "SecRule ARGS:q \"@streq swapped\" \"id:9001,phase:2,deny,status:409,log\"\n");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> reload = post("/actuator/parapet", "application/json", "{\"action\":\"reload\"}");
                assertThat(reload.statusCode()).isEqualTo(200);
                assertThat(reload.body()).contains("\"success\":true");
                Thread.sleep(100);
            }
            assertThat(firewall.get()).isNotSameAs(original);
            assertThat(get("/hello?q=swapped").statusCode()).isEqualTo(409);

            // Broken rules: the reload fails and the rules in force stay.
            Firewall good = firewall.get();
            Files.writeString(RULE_FILE, "SecRule ARGS \"@rx x\" \"id:9002,phase:2,deny\"\nSecRule ARGS \"@bogus\" \"id:9003\"\n");
            HttpResponse<String> failed = post("/actuator/parapet", "application/json", "{\"action\":\"reload\"}");
            assertThat(failed.body()).contains("\"success\":false").contains(RULE_FILE.getFileName().toString())
                    .contains("bogus");
            assertThat(firewall.get()).isSameAs(good);
            assertThat(get("/hello?q=swapped").statusCode()).isEqualTo(409);
            Thread.sleep(200);
        } finally {
            running.set(false);
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
            Files.writeString(RULE_FILE, "# no extra rules\n");
            firewall.reload();
        }
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isPositive();
        assertThat(meters.find(ParapetMetrics.LOAD).tag("outcome", "failure").timer().count()).isEqualTo(1);
    }
}
