package example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example starts with its application.yml, passes a greeting and blocks an injection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationTest {

    @LocalServerPort
    int port;

    int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void protectedByConfigurationAlone() throws Exception {
        assertThat(status("/greet?name=Ada")).isEqualTo(200);
        assertThat(status("/greet?name=%3Cscript%3Ealert(1)%3C/script%3E")).isEqualTo(403);
        assertThat(status("/actuator/parapet")).isEqualTo(200);
    }
}
