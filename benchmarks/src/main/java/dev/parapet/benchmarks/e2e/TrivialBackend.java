package dev.parapet.benchmarks.e2e;

import dev.parapet.benchmarks.RequestShape;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The application the end-to-end servers protect: it answers every request with 200 and the same small HTML
 * page ({@link RequestShape#RESPONSE_BODY}), as the nginx backends of {@code benchmarks/e2e/run.sh} do.
 * Request bodies are drained, not read into memory.
 */
public final class TrivialBackend extends Handler.Abstract {

    /** The response body, shared read-only. */
    static final byte[] BODY = RequestShape.RESPONSE_BODY.getBytes(StandardCharsets.ISO_8859_1);

    /** Its content type. */
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try (var in = Request.asInputStream(request)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        respond(response, callback);
        return true;
    }

    /** Writes the backend's response. */
    static void respond(Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
        response.write(true, ByteBuffer.wrap(BODY), callback);
    }
}
