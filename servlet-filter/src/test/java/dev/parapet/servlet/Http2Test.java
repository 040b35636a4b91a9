package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over HTTP/2 a request body may come without Content-Length: it is still inspected and passed on. */
class Http2Test {

    @Test
    void bodiesWithoutContentLengthAreInspectedAndReplayed(@TempDir Path dir) throws Exception {
        try (FilterServer server = FilterServer.start(TestRules.firewall(), dir);
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                        .connectTimeout(Duration.ofSeconds(5)).build()) {
            URI base = URI.create("http://127.0.0.1:" + server.port);
            // The first request upgrades the connection (h2c); the next ones are HTTP/2 streams.
            HttpResponse<String> upgrade = client.send(HttpRequest.newBuilder(base.resolve("/respond?body=up")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upgrade.statusCode());
            byte[] body = RequestPassthroughTest.binary(10_000, 21);
            HttpResponse<byte[]> echo = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(HttpClient.Version.HTTP_2, echo.version());
            assertEquals(200, echo.statusCode());
            assertArrayEquals(body, echo.body());
            byte[] attack = "a=1&b=attack2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            HttpResponse<String> blocked = client.send(HttpRequest.newBuilder(base.resolve("/echo"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(attack))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, blocked.version());
            assertEquals(403, blocked.statusCode());
        }
    }
}
