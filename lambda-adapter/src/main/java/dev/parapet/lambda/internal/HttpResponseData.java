package dev.parapet.lambda.internal;

import java.util.List;

/**
 * A response as the wrapped handler returned it, ready for inspection.
 *
 * @param status the HTTP status
 * @param headers the headers, {@code Set-Cookie} lines included
 * @param body the decoded body bytes
 */
public record HttpResponseData(int status, List<Header> headers, byte[] body) {

    public HttpResponseData {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
