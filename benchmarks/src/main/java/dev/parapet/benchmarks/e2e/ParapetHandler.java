package dev.parapet.benchmarks.e2e;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Transaction;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Parapet in front of the {@link TrivialBackend}, without servlets: each request runs one {@link Transaction}
 * through all phases around the backend's response, and an interruption replaces the response with its status.
 * This is the minimum an integration does, so the end-to-end figures show the engine's cost plus Jetty's.
 *
 * <p>Jetty hands header values over as text; a value with characters above U+00FF came from UTF-8 and is
 * passed back as its bytes (one {@code char} per byte), as the engine expects. The request body is read up
 * to the firewall's body limit plus one byte; the engine applies the limit action.
 */
public final class ParapetHandler extends Handler.Abstract {

    private static final byte[] BLOCKED = "blocked\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Firewall firewall;
    private final long readLimit;

    /** Protects the trivial backend with {@code firewall}. */
    public ParapetHandler(Firewall firewall) {
        this.firewall = firewall;
        this.readLimit = firewall.settings().requestBodyLimit() + 1;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try (Transaction tx = firewall.newTransaction()) {
            Optional<Interruption> verdict = inspectRequest(tx, request);
            if (verdict.isEmpty()) {
                verdict = inspectResponse(tx, request.getConnectionMetaData().getProtocol());
            }
            tx.processLogging();
            if (verdict.isPresent()) {
                block(response, callback, verdict.get());
            } else {
                TrivialBackend.respond(response, callback);
            }
        }
        return true;
    }

    private Optional<Interruption> inspectRequest(Transaction tx, Request request) throws Exception {
        tx.processConnection(Request.getRemoteAddr(request), Request.getRemotePort(request),
                Request.getLocalAddr(request), Request.getLocalPort(request));
        tx.processUri(request.getMethod(), request.getHttpURI().getPathQuery(),
                request.getConnectionMetaData().getProtocol());
        for (HttpField field : request.getHeaders()) {
            tx.addRequestHeader(bytes(field.getName()), bytes(field.getValue()));
        }
        Optional<Interruption> verdict = tx.processRequestHeaders();
        if (verdict.isPresent()) {
            return verdict;
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total < readLimit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, readLimit - total))) > 0) {
                tx.appendRequestBody(buffer, 0, n);
                total += n;
            }
        }
        return tx.processRequestBody();
    }

    private static Optional<Interruption> inspectResponse(Transaction tx, String protocol) {
        tx.addResponseHeader("Content-Type", TrivialBackend.CONTENT_TYPE);
        tx.addResponseHeader("Content-Length", Integer.toString(TrivialBackend.BODY.length));
        Optional<Interruption> verdict = tx.processResponseHeaders(200, protocol);
        if (verdict.isPresent()) {
            return verdict;
        }
        if (tx.isResponseBodyInspected()) {
            tx.appendResponseBody(TrivialBackend.BODY, 0, TrivialBackend.BODY.length);
        }
        return tx.processResponseBody();
    }

    private static void block(Response response, Callback callback, Interruption interruption) {
        int status = interruption.status() >= 100 && interruption.status() <= 599 ? interruption.status() : 403;
        response.setStatus(status);
        if (interruption.redirectUrl() != null && !interruption.redirectUrl().isEmpty()) {
            response.getHeaders().put(HttpHeader.LOCATION, interruption.redirectUrl());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BLOCKED.length);
        response.write(true, ByteBuffer.wrap(BLOCKED), callback);
    }

    /** The value as a byte string: unchanged unless it holds characters that only UTF-8 decoding produces. */
    static String bytes(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return value;
    }
}
