package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.parapet.lambda.EventType;

/** API Gateway REST API proxy events (and HTTP API payload 1.0, which has the same shape). */
public final class RestAdapter implements EventAdapter<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    public static final RestAdapter INSTANCE = new RestAdapter();

    private RestAdapter() {
    }

    @Override
    public EventType type() {
        return EventType.API_GATEWAY_REST;
    }

    @Override
    public HttpRequestData request(APIGatewayProxyRequestEvent event, GuardSettings settings)
            throws MalformedEventException {
        RequestBuilder b = new RequestBuilder(EventType.API_GATEWAY_REST)
                .method(event.getHttpMethod())
                .path(event.getPath())
                // API Gateway hands query parameters over decoded.
                .decodedQuery(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters())
                .headers(event.getMultiValueHeaders(), event.getHeaders())
                .body(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        if (context != null) {
            b.protocol(context.getProtocol()).domainName(context.getDomainName());
            if (context.getIdentity() != null) {
                b.contextClientIp(context.getIdentity().getSourceIp());
            }
        }
        return b.build(settings);
    }

    @Override
    public HttpResponseData response(APIGatewayProxyResponseEvent response) {
        int status = response.getStatusCode() == null ? 0 : response.getStatusCode();
        return Responses.of(status, response.getHeaders(), response.getMultiValueHeaders(), null,
                response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded()));
    }

    @Override
    public APIGatewayProxyResponseEvent reply(APIGatewayProxyRequestEvent event, Reply reply) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(reply.status())
                .withHeaders(reply.headers())
                .withBody(reply.body())
                .withIsBase64Encoded(false);
    }
}
