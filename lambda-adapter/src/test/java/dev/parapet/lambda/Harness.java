package dev.parapet.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an event through a guarded handler the way the Lambda Java runtime would: JSON in through the
 * runtime's own serializers (typed form) or as bytes (stream form), JSON out.
 */
final class Harness {

    static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";

    enum Form { TYPED, STREAM }

    /** What the wrapped application handler answers. */
    record App(int status, String contentType, String body, boolean base64) {
        static App ok() {
            return new App(200, "text/plain", "ok", false);
        }

        static App text(String contentType, String body) {
            return new App(200, contentType, body, false);
        }

        String encodedBody() {
            return base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;
        }
    }

    /** What came back, as the gateway would receive it. */
    record Result(JsonNode response, boolean handlerCalled, List<JsonNode> audit) {

        int status() {
            return response.path("statusCode").asInt();
        }

        /** A response header from {@code headers} or {@code multiValueHeaders}, by any case. */
        String header(String name) {
            for (String field : new String[] {"headers", "multiValueHeaders"}) {
                JsonNode headers = response.path(field);
                for (Map.Entry<String, JsonNode> e : headers.properties()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue().isArray() ? e.getValue().get(0).asText() : e.getValue().asText();
                    }
                }
            }
            return null;
        }

        String body() {
            return response.path("body").asText();
        }

        JsonNode bodyJson() {
            try {
                return Kind.JSON.readTree(body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Harness() {
    }

    static Result run(Kind kind, Form form, ObjectNode event, LambdaGuard.Builder guard, App app) {
        ByteArrayOutputStream auditOut = new ByteArrayOutputStream();
        LambdaGuard g = guard.auditLog(LambdaAuditLog.jsonLines(auditOut)).build();
        AtomicBoolean called = new AtomicBoolean();
        TestContext context = new TestContext(REQUEST_ID);
        byte[] in = bytes(event);
        byte[] out = form == Form.TYPED ? typed(kind, g, in, app, called, context) : stream(kind, g, in, app, called, context);
        return new Result(read(out), called.get(), auditLines(auditOut));
    }

    static List<JsonNode> auditLines(ByteArrayOutputStream out) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(read(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }

    private static byte[] typed(Kind kind, LambdaGuard g, byte[] in, App app, AtomicBoolean called,
            TestContext context) {
        if (kind == Kind.REST) {
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> h = g.apiGatewayRest((e, c) -> {
                called.set(true);
                return new APIGatewayProxyResponseEvent().withStatusCode(app.status())
                        .withHeaders(Map.of("Content-Type", app.contentType())).withBody(app.encodedBody())
                        .withIsBase64Encoded(app.base64());
            });
            return roundTrip(APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class, in, h, context);
        }
        if (kind.isHttpApi()) {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = g.apiGatewayHttp((e, c) -> {
                called.set(true);
                return APIGatewayV2HTTPResponse.builder().withStatusCode(app.status())
                        .withHeaders(Map.of("content-type", app.contentType())).withBody(app.encodedBody())
                        .withIsBase64Encoded(app.base64()).build();
            });
            return roundTrip(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, in, h, context);
        }
        RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> h = g.alb((e, c) -> {
            called.set(true);
            ApplicationLoadBalancerResponseEvent r = new ApplicationLoadBalancerResponseEvent();
            r.setStatusCode(app.status());
            r.setStatusDescription(app.status() + " OK");
            if (e.getMultiValueHeaders() != null) {
                r.setMultiValueHeaders(Map.of("content-type", List.of(app.contentType())));
            } else {
                r.setHeaders(Map.of("content-type", app.contentType()));
            }
            r.setBody(app.encodedBody());
            r.setIsBase64Encoded(app.base64());
            return r;
        });
        return roundTrip(ApplicationLoadBalancerRequestEvent.class, ApplicationLoadBalancerResponseEvent.class, in, h,
                context);
    }

    /** Deserializes, handles and serializes as the Lambda Java runtime does. */
    static <I, O> byte[] roundTrip(Class<I> inType, Class<O> outType, byte[] in, RequestHandler<I, O> handler,
            TestContext context) {
        PojoSerializer<I> input = LambdaEventSerializers.serializerFor(inType, Harness.class.getClassLoader());
        PojoSerializer<O> output = LambdaEventSerializers.serializerFor(outType, Harness.class.getClassLoader());
        I event = input.fromJson(new ByteArrayInputStream(in));
        O response = handler.handleRequest(event, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.toJson(response, out);
        return out.toByteArray();
    }

    private static byte[] stream(Kind kind, LambdaGuard g, byte[] in, App app, AtomicBoolean called,
            TestContext context) {
        RequestStreamHandler h = g.stream((input, output, c) -> {
            called.set(true);
            input.readAllBytes();
            ObjectNode r = Kind.JSON.createObjectNode();
            r.put("statusCode", app.status());
            if (kind.isAlb()) {
                r.put("statusDescription", app.status() + " OK");
            }
            r.putObject("headers").put("Content-Type", app.contentType());
            r.put("body", app.encodedBody());
            r.put("isBase64Encoded", app.base64());
            output.write(bytes(r));
        });
        return invokeStream(h, in, context);
    }

    static byte[] invokeStream(RequestStreamHandler h, byte[] in, TestContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            h.handleRequest(new ByteArrayInputStream(in), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return Kind.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(byte[] json) {
        try {
            return Kind.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
