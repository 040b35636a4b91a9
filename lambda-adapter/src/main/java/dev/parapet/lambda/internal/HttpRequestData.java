package dev.parapet.lambda.internal;

import dev.parapet.lambda.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A request as an event describes it, ready for inspection.
 *
 * @param type the kind of event it came from
 * @param method the request method
 * @param rawUri the request target: path plus {@code ?query} when there is one, percent-encoded as a client sends it
 * @param protocol the protocol, e.g. {@code HTTP/1.1}
 * @param headers the headers in event order, with cookies folded into a {@code Cookie} header
 * @param body the decoded body bytes
 * @param clientIp the client address, or empty when the event does not tell
 * @param serverPort the port the client connected to, or 0
 * @param multiValueHeaders whether the event used {@code multiValueHeaders} (an ALB must be answered the same way)
 */
public record HttpRequestData(EventType type, String method, String rawUri, String protocol, List<Header> headers,
        byte[] body, String clientIp, int serverPort, boolean multiValueHeaders) {

    public HttpRequestData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawUri, "rawUri");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        clientIp = clientIp == null ? "" : clientIp;
        protocol = protocol == null || protocol.isBlank() ? "HTTP/1.1" : protocol;
    }
}
