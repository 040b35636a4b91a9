package dev.parapet.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.parapet.audit.AuditLog;
import dev.parapet.engine.Firewall;
import dev.parapet.lambda.internal.AlbAdapter;
import dev.parapet.lambda.internal.Guard;
import dev.parapet.lambda.internal.GuardSettings;
import dev.parapet.lambda.internal.GuardedHandler;
import dev.parapet.lambda.internal.GuardedStreamHandler;
import dev.parapet.lambda.internal.HttpApiAdapter;
import dev.parapet.lambda.internal.RestAdapter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Wraps Lambda handlers with a firewall, with settings beyond {@link ParapetHandlers}' defaults.
 *
 * <pre>{@code
 * LambdaGuard guard = LambdaGuard.builder(RULES)
 *     .clientIpHeader("X-Forwarded-For", 0)   // behind an ALB, which appends the client's address
 *     .auditLog(LambdaAuditLog.stdout())
 *     .build();
 * RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> handler =
 *     guard.alb(new MyHandler());
 * }</pre>
 *
 * <p>Every wrapped handler maps the event to a transaction, calls the wrapped handler only when the
 * request is allowed, inspects its response, and answers a block in the event's own response type with
 * the interruption's status and a small JSON body holding the transaction id (the Lambda request id). A
 * malformed event gets a 400 of the same shape; if the firewall cannot be built or fails, the guard
 * answers 503 (fail closed). Exceptions of the wrapped handler pass through unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public final class LambdaGuard {

    private final Guard guard;

    private LambdaGuard(Guard guard) {
        this.guard = guard;
    }

    /** A guard with default settings. */
    public static LambdaGuard of(Firewall firewall) {
        return builder(firewall).build();
    }

    /** Starts a builder for a firewall that already exists. */
    public static Builder builder(Firewall firewall) {
        Objects.requireNonNull(firewall, "firewall");
        return new Builder(() -> firewall);
    }

    /**
     * Starts a builder for a firewall supplied on first use, typically a {@link FirewallHolder}. The
     * supplier is called on every invocation and must return the same instance cheaply.
     */
    public static Builder builder(Supplier<Firewall> firewall) {
        return new Builder(Objects.requireNonNull(firewall, "firewall"));
    }

    /** Wraps a handler of API Gateway REST API proxy events (also HTTP API payload format 1.0). */
    public RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> apiGatewayRest(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return new GuardedHandler<>(guard, RestAdapter.INSTANCE, handler);
    }

    /** Wraps a handler of API Gateway HTTP API payload format 2.0 events, which Lambda function URLs also send. */
    public RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiGatewayHttp(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return new GuardedHandler<>(guard, HttpApiAdapter.INSTANCE, handler);
    }

    /** Wraps a handler of Application Load Balancer events, with single or multi-value headers. */
    public RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> alb(
            RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> handler) {
        return new GuardedHandler<>(guard, AlbAdapter.INSTANCE, handler);
    }

    /**
     * Wraps a stream handler that reads the raw JSON event itself. The event type (REST, HTTP API or
     * function URL, ALB) is recognised from the JSON; any other event is answered with 400. The wrapped
     * handler receives the event bytes unchanged, and its output is buffered (up to 8 MiB) for inspection.
     */
    public RequestStreamHandler stream(RequestStreamHandler handler) {
        return new GuardedStreamHandler(guard, handler);
    }

    /** Settings for a {@link LambdaGuard}. Not thread-safe. */
    public static final class Builder {

        private final Supplier<Firewall> firewall;
        private String clientIpHeader;
        private int trustedHops;
        private LambdaAuditLog auditLog = LambdaAuditLog.stdout();
        private AuditLog sharedAuditLog;

        private Builder(Supplier<Firewall> firewall) {
            this.firewall = firewall;
        }

        /**
         * Reads the client address from a forwarding header instead of the request context. Only do this
         * when a proxy you control sets or appends that header: the address is taken
         * {@code trustedHops} entries from the right (0 = the last entry, which the nearest proxy
         * appended), since everything further left is client-controlled. An entry that is not an IP
         * address, or a list too short, falls back to the request context. An ALB event has no address
         * in its context, so behind an ALB use {@code clientIpHeader("X-Forwarded-For", 0)}.
         */
        public Builder clientIpHeader(String headerName, int trustedHops) {
            Objects.requireNonNull(headerName, "headerName");
            if (headerName.isBlank()) {
                throw new IllegalArgumentException("headerName must not be blank");
            }
            if (trustedHops < 0) {
                throw new IllegalArgumentException("trustedHops must not be negative, was " + trustedHops);
            }
            this.clientIpHeader = headerName;
            this.trustedHops = trustedHops;
            return this;
        }

        /** Where audit records go (default: JSON lines on standard output). */
        public Builder auditLog(LambdaAuditLog auditLog) {
            this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
            return this;
        }

        /**
         * Records inspected transactions through Parapet's common audit log instead ({@code dev.parapet.audit}:
         * ModSecurity-style error lines and JSON events, the same as the other adapters write). The transaction
         * id in those events is the Lambda request id. Events that never became a transaction (malformed,
         * firewall unavailable) still go to {@link #auditLog(LambdaAuditLog)}.
         */
        public Builder sharedAuditLog(AuditLog auditLog) {
            this.sharedAuditLog = Objects.requireNonNull(auditLog, "auditLog");
            return this;
        }

        /** Builds the guard. */
        public LambdaGuard build() {
            return new LambdaGuard(new Guard(firewall,
                    new GuardSettings(clientIpHeader, trustedHops, auditLog, sharedAuditLog)));
        }
    }
}
