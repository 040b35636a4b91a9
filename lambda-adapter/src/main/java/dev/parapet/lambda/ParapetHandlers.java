package dev.parapet.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.parapet.engine.Firewall;
import java.util.function.Supplier;

/**
 * One-line protection for Lambda handlers, with default settings: the client address from the request
 * context, audit records as JSON lines on standard output. Each event type has its own method, because
 * overloads of generic handler types would erase to the same signature.
 *
 * <pre>{@code
 * static final FirewallHolder RULES = FirewallHolder.eager(() -> Firewall.builder().file(CONF).build());
 * static final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> HANDLER =
 *     ParapetHandlers.apiGatewayRest(RULES, new MyHandler());
 * }</pre>
 *
 * <p>Use {@link LambdaGuard} to read the client address from a trusted forwarding header (needed behind
 * an ALB) or to send audit records elsewhere.
 */
public final class ParapetHandlers {

    private ParapetHandlers() {
    }

    /** Protects an API Gateway REST API (proxy integration) handler. */
    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> apiGatewayRest(
            Firewall firewall, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return LambdaGuard.of(firewall).apiGatewayRest(handler);
    }

    /** Protects an API Gateway REST API handler, building the firewall on first use. */
    public static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> apiGatewayRest(
            Supplier<Firewall> firewall,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return LambdaGuard.builder(firewall).build().apiGatewayRest(handler);
    }

    /** Protects an API Gateway HTTP API (payload 2.0) or Lambda function URL handler. */
    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiGatewayHttp(
            Firewall firewall, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return LambdaGuard.of(firewall).apiGatewayHttp(handler);
    }

    /** Protects an HTTP API or function URL handler, building the firewall on first use. */
    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiGatewayHttp(
            Supplier<Firewall> firewall, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return LambdaGuard.builder(firewall).build().apiGatewayHttp(handler);
    }

    /**
     * Protects an Application Load Balancer handler. An ALB event carries no client address, so
     * {@code REMOTE_ADDR} is empty here; use {@link LambdaGuard.Builder#clientIpHeader} to trust
     * {@code X-Forwarded-For}.
     */
    public static RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> alb(
            Firewall firewall,
            RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> handler) {
        return LambdaGuard.of(firewall).alb(handler);
    }

    /** Protects an Application Load Balancer handler, building the firewall on first use. */
    public static RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> alb(
            Supplier<Firewall> firewall,
            RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> handler) {
        return LambdaGuard.builder(firewall).build().alb(handler);
    }

    /** Protects a stream handler that reads raw REST, HTTP API, function URL or ALB JSON events. */
    public static RequestStreamHandler stream(Firewall firewall, RequestStreamHandler handler) {
        return LambdaGuard.of(firewall).stream(handler);
    }

    /** Protects a stream handler, building the firewall on first use. */
    public static RequestStreamHandler stream(Supplier<Firewall> firewall, RequestStreamHandler handler) {
        return LambdaGuard.builder(firewall).build().stream(handler);
    }
}
