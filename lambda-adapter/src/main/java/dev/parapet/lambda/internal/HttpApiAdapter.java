package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.parapet.lambda.EventType;

/** API Gateway HTTP API payload 2.0 events, which Lambda function URLs also send. */
public final class HttpApiAdapter implements EventAdapter<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final HttpApiAdapter INSTANCE = new HttpApiAdapter();

    private HttpApiAdapter() {
    }

    @Override
    public EventType type() {
        return EventType.API_GATEWAY_HTTP;
    }

    @Override
    public HttpRequestData request(APIGatewayV2HTTPEvent event, GuardSettings settings)
            throws MalformedEventException {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getHttp() == null) {
            throw new MalformedEventException("missing requestContext.http");
        }
        APIGatewayV2HTTPEvent.RequestContext.Http http = context.getHttp();
        String path = event.getRawPath() != null ? event.getRawPath() : http.getPath();
        RequestBuilder b = new RequestBuilder(EventType.API_GATEWAY_HTTP)
                .method(http.getMethod())
                .path(path)
                .protocol(http.getProtocol())
                .contextClientIp(http.getSourceIp())
                .domainName(context.getDomainName())
                .headers(null, event.getHeaders())
                .cookies(event.getCookies())
                .body(event.getBody(), event.getIsBase64Encoded());
        if (event.getRawQueryString() != null) {
            b.rawQuery(event.getRawQueryString());
        } else {
            b.decodedQuery(null, event.getQueryStringParameters());
        }
        return b.build(settings);
    }

    @Override
    public HttpResponseData response(APIGatewayV2HTTPResponse response) {
        return Responses.of(response.getStatusCode(), response.getHeaders(), response.getMultiValueHeaders(),
                response.getCookies(), response.getBody(), response.getIsBase64Encoded());
    }

    @Override
    public APIGatewayV2HTTPResponse reply(APIGatewayV2HTTPEvent event, Reply reply) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(reply.status())
                .withHeaders(reply.headers())
                .withBody(reply.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
