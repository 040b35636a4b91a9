package dev.parapet.benchmarks;

import java.util.List;
import java.util.Objects;

/**
 * One HTTP request and the response a trivial backend gives it, as byte strings (one {@code char} per byte).
 * The arrays are shared, not copied: treat them as read-only.
 *
 * @param method request method
 * @param uri request target as sent (path and query)
 * @param protocol e.g. {@code HTTP/1.1}
 * @param requestHeaders request headers in sending order
 * @param requestBody request body, empty when none
 * @param status response status
 * @param responseHeaders response headers
 * @param responseBody response body
 */
public record HttpExchange(String method, String uri, String protocol, List<Header> requestHeaders,
                           byte[] requestBody, int status, List<Header> responseHeaders, byte[] responseBody) {

    /** One header field. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public HttpExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(protocol, "protocol");
        requestHeaders = List.copyOf(requestHeaders);
        Objects.requireNonNull(requestBody, "requestBody");
        responseHeaders = List.copyOf(responseHeaders);
        Objects.requireNonNull(responseBody, "responseBody");
    }
}
