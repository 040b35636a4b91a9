package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parapet.engine.Firewall;
import dev.parapet.lambda.FirewallHolder;
import dev.parapet.lambda.ParapetHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An API Gateway REST API function protected by Parapet running the OWASP Core Rule Set.
 *
 * <p>The rules are compiled once per execution environment, while this class initialises (Lambda's init
 * phase). With SnapStart the snapshot is taken after that, so restored environments start with the
 * rules compiled.
 */
public final class OrdersHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final FirewallHolder RULES = FirewallHolder.eager(OrdersHandler::loadRules);

    private static final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> GUARDED =
            ParapetHandlers.apiGatewayRest(RULES, OrdersHandler::handle);

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return GUARDED.handleRequest(event, context);
    }

    /** The application itself: only ever sees requests the rules let through. */
    static APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"orders\":[{\"id\":42,\"status\":\"shipped\"}]}");
    }

    /**
     * CRS from the directory in {@code PARAPET_CRS_DIR} (a Lambda layer is mounted under {@code /opt}),
     * or the {@code parapet.crs.dir} system property: {@code crs-setup.conf}, then every rule file.
     */
    static Firewall loadRules() {
        String dir = System.getProperty("parapet.crs.dir", System.getenv().getOrDefault("PARAPET_CRS_DIR", "/opt/crs"));
        Path crs = Path.of(dir);
        Path setup = Files.exists(crs.resolve("crs-setup.conf")) ? crs.resolve("crs-setup.conf")
                : crs.resolve("crs-setup.conf.example");
        Firewall.Builder builder = Firewall.builder().file(setup);
        try (Stream<Path> files = Files.list(crs.resolve("rules"))) {
            List<Path> rules = files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
            rules.forEach(builder::file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list CRS rules in " + crs, e);
        }
        return builder.build();
    }
}
