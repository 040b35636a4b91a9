package dev.parapet.crs;

import java.util.List;
import java.util.Optional;

/**
 * A request as a web server in front of ModSecurity would hand it over: request line pieces, headers in arrival
 * order with original case, and the (de-chunked) body. All strings are byte strings.
 *
 * @param requestLine the raw first line without its line terminator
 * @param protocol    {@code HTTP/0.9} when the line has no protocol, as Apache reports it
 * @param rejections  reasons why Apache httpd 2.4 (HttpProtocolOptions Strict) would answer 400 itself instead of
 *                    passing the request on; the harness still feeds the request to the engine
 */
record RawRequest(
        String requestLine,
        String method,
        String uri,
        String protocol,
        List<Header> headers,
        String body,
        List<String> rejections) {

    record Header(String name, String value) {}

    Optional<String> firstHeader(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
