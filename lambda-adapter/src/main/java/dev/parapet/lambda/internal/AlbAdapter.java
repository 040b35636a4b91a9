package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.parapet.lambda.EventType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application Load Balancer events, with or without multi-value headers. An ALB's request context
 * carries no client address; configure the guard to read it from {@code X-Forwarded-For}.
 */
public final class AlbAdapter
        implements EventAdapter<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> {

    public static final AlbAdapter INSTANCE = new AlbAdapter();

    private AlbAdapter() {
    }

    @Override
    public EventType type() {
        return EventType.ALB;
    }

    @Override
    public HttpRequestData request(ApplicationLoadBalancerRequestEvent event, GuardSettings settings)
            throws MalformedEventException {
        return new RequestBuilder(EventType.ALB)
                .method(event.getHttpMethod())
                .path(event.getPath())
                // "If the query parameters are URL-encoded, the load balancer does not decode them."
                .undecodedQuery(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters())
                .headers(event.getMultiValueHeaders(), event.getHeaders())
                .multiValueHeaders(event.getMultiValueHeaders() != null)
                .body(event.getBody(), event.getIsBase64Encoded())
                .serverPort(0)
                .build(settings);
    }

    @Override
    public HttpResponseData response(ApplicationLoadBalancerResponseEvent response) {
        return Responses.of(response.getStatusCode(), response.getHeaders(), response.getMultiValueHeaders(), null,
                response.getBody(), response.getIsBase64Encoded());
    }

    @Override
    public ApplicationLoadBalancerResponseEvent reply(ApplicationLoadBalancerRequestEvent event, Reply reply) {
        ApplicationLoadBalancerResponseEvent out = new ApplicationLoadBalancerResponseEvent();
        out.setStatusCode(reply.status());
        out.setStatusDescription(reply.statusDescription());
        // A target group with multi-value headers on ignores "headers" in the response.
        if (event != null && event.getMultiValueHeaders() != null) {
            Map<String, List<String>> multi = new LinkedHashMap<>();
            reply.headers().forEach((k, v) -> multi.put(k, List.of(v)));
            out.setMultiValueHeaders(multi);
        } else {
            out.setHeaders(reply.headers());
        }
        out.setBody(reply.body());
        out.setIsBase64Encoded(false);
        return out;
    }
}
