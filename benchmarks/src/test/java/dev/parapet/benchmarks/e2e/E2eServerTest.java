package dev.parapet.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parapet.benchmarks.CrsDirectory;
import dev.parapet.benchmarks.HttpExchange;
import dev.parapet.benchmarks.RequestShape;
import dev.parapet.benchmarks.RulesetFixture;
import dev.parapet.engine.Firewall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The end-to-end servers over real HTTP: Parapet blocks attacks and passes benign shapes; no WAF passes all. */
class E2eServerTest {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private static E2eServer protectedServer;
    private static E2eServer plainServer;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path crs = CrsDirectory.find();
        assumeTrue(crs != null, "CRS 4.28.0 not found; skipping");
        Firewall firewall = RulesetFixture.CRS_PL1.build(crs);
        protectedServer = E2eServer.start(0, firewall);
        plainServer = E2eServer.start(0, null);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (protectedServer != null) {
            protectedServer.close();
        }
        if (plainServer != null) {
            plainServer.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RequestShape.class)
    void parapetBlocksOnlyAttacks(RequestShape shape) throws Exception {
        HttpResponse<String> response = send(protectedServer, shape.exchange());
        if (shape.attack()) {
            assertEquals(403, response.statusCode());
        } else {
            assertEquals(200, response.statusCode());
            assertEquals(RequestShape.RESPONSE_BODY, response.body());
        }
    }

    @ParameterizedTest
    @EnumSource(RequestShape.class)
    void withoutWafEverythingPasses(RequestShape shape) throws Exception {
        HttpResponse<String> response = send(plainServer, shape.exchange());
        assertEquals(200, response.statusCode());
        assertEquals(RequestShape.RESPONSE_BODY, response.body());
    }

    private static HttpResponse<String> send(E2eServer server, HttpExchange exchange) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + exchange.uri()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.method(), exchange.requestBody().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(exchange.requestBody()));
        for (HttpExchange.Header h : exchange.requestHeaders()) {
            if (!RESTRICTED.contains(h.name().toLowerCase(java.util.Locale.ROOT))) {
                request.header(h.name(), h.value());
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
