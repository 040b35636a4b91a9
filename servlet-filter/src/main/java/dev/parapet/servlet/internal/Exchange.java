package dev.parapet.servlet.internal;

import dev.parapet.audit.AuditEvent;
import dev.parapet.audit.AuditLog;
import dev.parapet.servlet.ExchangeListener;
import dev.parapet.servlet.ExchangeOutcome;
import dev.parapet.engine.BodyLimitAction;
import dev.parapet.engine.EngineSettings;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Transaction;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request/response exchange through the filter: feeds the {@link Transaction} in order, decides what the client
 * gets, and writes the audit log before the response completes. The request thread and, for asynchronous
 * servlets, the application's threads call in; a lock keeps the transaction single-threaded.
 */
public final class Exchange implements BufferedRequest.AsyncSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    /** Where the response body stands. */
    private enum Body {
        /** Phase 3 has not run: nothing may reach the container yet. */
        PENDING,
        /** Phase 4 inspects the body: it is held until the response is complete. */
        BUFFERING,
        /** Not inspected (or past the limit): bytes go straight to the container. */
        STREAMING,
        /** Replaced by a block page, handed to the container's error handling, or aborted: bytes are dropped. */
        DISCARDING
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Transaction tx;
    private final EngineSettings settings;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final AuditLog audit;
    private final long maxMultipartBytes;
    private final ExchangeListener listener;
    private AuditEvent.Request auditRequest;
    private long inspectionStart;
    private long inspectionNanos = -1;
    private BufferedRequest appRequest;
    private InspectingResponse appResponse;

    private Body body = Body.PENDING;
    private ByteArrayOutputStream buffer;
    private long declaredLength = -1;
    private long written;
    private boolean phase4Done;
    private boolean logged;
    private boolean finished;
    private Interruption blockedBy;
    private boolean aborted;

    /**
     * @param tx a fresh transaction
     * @param settings the firewall's engine settings (body limits and actions)
     * @param request the container's request
     * @param response the container's response
     * @param audit where the transaction is recorded
     * @param maxMultipartBytes most bytes read into memory for parts of a body longer than the inspection limit
     * @param listener told how the exchange ended, or {@code null}
     */
    public Exchange(Transaction tx, EngineSettings settings, HttpServletRequest request, HttpServletResponse response,
            AuditLog audit, long maxMultipartBytes, ExchangeListener listener) {
        this.tx = tx;
        this.settings = settings;
        this.request = request;
        this.response = response;
        this.audit = audit;
        this.maxMultipartBytes = maxMultipartBytes;
        this.listener = listener;
    }

    /** The transaction id. */
    public String id() {
        return tx.id();
    }

    // ---- request -------------------------------------------------------------------------------

    /**
     * Runs phases 1 and 2: connection, request line, headers, and the body read up to the engine's limit. When a
     * rule stops the request, the block response is written and this returns false: the application is not called.
     */
    public boolean inspectRequest() throws IOException {
        lock.lock();
        inspectionStart = System.nanoTime();
        try {
            return inspectRequestLocked();
        } finally {
            if (inspectionNanos < 0) {
                inspectionNanos = System.nanoTime() - inspectionStart;
            }
            lock.unlock();
        }
    }

    private boolean inspectRequestLocked() throws IOException {
        String clientAddress = ByteStrings.of(request.getRemoteAddr());
        String serverAddress = ByteStrings.of(request.getLocalAddr());
        tx.processConnection(clientAddress, request.getRemotePort(), serverAddress, request.getLocalPort());
        String method = ByteStrings.of(request.getMethod());
        String uri = rawUri(request);
        String protocol = ByteStrings.of(request.getProtocol());
        tx.processUri(method, uri, protocol);
        List<AuditEvent.Header> headers = new ArrayList<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                String n = ByteStrings.of(name);
                String v = ByteStrings.of(values.nextElement());
                tx.addRequestHeader(n, v);
                headers.add(new AuditEvent.Header(n, v));
            }
        }
        auditRequest = new AuditEvent.Request(clientAddress, request.getRemotePort(), serverAddress,
                request.getLocalPort(), method, uri, protocol, headers);
        Optional<Interruption> stop = tx.processRequestHeaders();
        if (stop.isPresent()) {
            block(stop.get());
            return false;
        }
        byte[] data = null;
        int length = 0;
        ServletInputStream rest = null;
        if (hasBody() && settings.requestBodyAccess()) {
            long limit = requestBodyLimit();
            int cap = (int) Math.min(Integer.MAX_VALUE - 16, limit + 1);
            ServletInputStream in = request.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream((int) Math.min(cap, initialCapacity()));
            byte[] chunk = new byte[8192];
            while (read.size() < cap) {
                int n = in.read(chunk, 0, Math.min(chunk.length, cap - read.size()));
                if (n < 0) {
                    break;
                }
                read.write(chunk, 0, n);
            }
            data = read.toByteArray();
            length = data.length;
            if (length >= cap) {
                rest = in; // longer than the limit: the application gets the rest straight from the container
            }
            tx.appendRequestBody(data, 0, length);
        }
        stop = tx.processRequestBody();
        if (stop.isPresent()) {
            block(stop.get());
            return false;
        }
        appRequest = new BufferedRequest(request, data, length, rest, maxMultipartBytes);
        appRequest.async(this);
        appResponse = new InspectingResponse(response, this);
        return true;
    }

    private long initialCapacity() {
        long declared = request.getContentLengthLong();
        return declared > 0 ? declared + 1 : 8192;
    }

    /** The request target as sent: the raw path and the raw query string. */
    static String rawUri(HttpServletRequest request) {
        String path = ByteStrings.of(request.getRequestURI());
        String query = request.getQueryString();
        return query == null ? path : path + "?" + ByteStrings.of(query);
    }

    /**
     * Whether the request may carry a body. HTTP/1.x announces one with Content-Length or Transfer-Encoding; HTTP/2
     * and 3 need neither, so a body of unknown length is read (reading an absent one ends at once).
     */
    private boolean hasBody() {
        long length = request.getContentLengthLong();
        if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        String protocol = request.getProtocol();
        return length < 0 && protocol != null && !protocol.startsWith("HTTP/1.") && !protocol.equals("HTTP/0.9");
    }

    /** The engine's limit for this body: the whole-body limit for multipart, the no-files limit otherwise. */
    private long requestBodyLimit() {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("multipart/form-data");
        return multipart ? settings.requestBodyLimit()
                : Math.min(settings.requestBodyLimit(), settings.requestBodyNoFilesLimit());
    }

    /** The request the application gets. */
    public HttpServletRequest appRequest() {
        return appRequest;
    }

    /** The response the application gets. */
    public HttpServletResponse appResponse() {
        return appResponse;
    }

    // ---- response ------------------------------------------------------------------------------

    /** Runs phase 3 with the status and headers the application set, unless it ran. Lock held. */
    private void responseHeaders(int status, String location) throws IOException {
        if (body != Body.PENDING) {
            return;
        }
        HttpServletResponse r = response;
        Collection<String> names = r.getHeaderNames();
        boolean hasType = false;
        for (String name : names) {
            hasType |= name.equalsIgnoreCase("Content-Type");
            for (String value : r.getHeaders(name)) {
                tx.addResponseHeader(ByteStrings.of(name), ByteStrings.of(value));
            }
        }
        if (!hasType && r.getContentType() != null) {
            tx.addResponseHeader("Content-Type", ByteStrings.of(r.getContentType()));
        }
        if (location != null) {
            tx.addResponseHeader("Location", ByteStrings.of(location));
        }
        Optional<Interruption> stop = tx.processResponseHeaders(status, ByteStrings.of(request.getProtocol()));
        if (stop.isPresent()) {
            block(stop.get());
            return;
        }
        String length = r.getHeader("Content-Length");
        try {
            declaredLength = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declaredLength = -1;
        }
        if (tx.isResponseBodyInspected()) {
            body = Body.BUFFERING;
            buffer = new ByteArrayOutputStream((int) Math.min(8192, settings.responseBodyLimit() + 1));
        } else {
            body = Body.STREAMING;
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            if (body == Body.PENDING) {
                responseHeaders(response.getStatus(), null);
            }
            switch (body) {
                case BUFFERING -> {
                    buffer.write(b, off, len);
                    if (buffer.size() > settings.responseBodyLimit()) {
                        overflow();
                    }
                }
                case STREAMING -> {
                    if (!logged && declaredLength >= 0 && written + len >= declaredLength) {
                        // The container completes the response with these bytes: log first.
                        completeStreaming();
                        if (body != Body.STREAMING) {
                            throwIfAborted();
                            return;
                        }
                    }
                    response.getOutputStream().write(b, off, len);
                    written += len;
                }
                case DISCARDING -> throwIfAborted();
                default -> throw new IllegalStateException(body.name());
            }
        } finally {
            lock.unlock();
        }
    }

    /** The buffered body passed the limit: inspect the part within it now, then stream the rest. Lock held. */
    private void overflow() throws IOException {
        byte[] held = buffer.toByteArray();
        buffer = null;
        tx.appendResponseBody(held, 0, held.length);
        phase4Done = true;
        Optional<Interruption> stop = tx.processResponseBody();
        if (stop.isPresent()) {
            block(stop.get());
            return;
        }
        if (settings.responseBodyLimitAction() == BodyLimitAction.REJECT) {
            LOG.debug("Parapet {}: response body over the limit passed in {} mode", tx.id(), tx.mode());
        }
        body = Body.STREAMING;
        response.getOutputStream().write(held);
        written += held.length;
    }

    /** Phase 4 without a body (it was not inspected), then logging. Lock held. */
    private void completeStreaming() throws IOException {
        if (!phase4Done) {
            phase4Done = true;
            Optional<Interruption> stop = tx.processResponseBody();
            if (stop.isPresent()) {
                block(stop.get());
                return;
            }
        }
        logAndAudit(response.getStatus());
    }

    void flush(boolean commit) throws IOException {
        lock.lock();
        try {
            if (body == Body.PENDING) {
                responseHeaders(response.getStatus(), null);
            }
            if (body == Body.STREAMING) {
                if (commit) {
                    response.flushBuffer();
                } else {
                    response.getOutputStream().flush();
                }
            }
            // BUFFERING: the body is held until phase 4; flushing would commit it uninspected.
        } finally {
            lock.unlock();
        }
    }

    /** The application closed its output stream: the response is complete. */
    void outputClosed() throws IOException {
        finish();
        lock.lock();
        try {
            if (body == Body.STREAMING) {
                response.getOutputStream().close();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isReady() {
        lock.lock();
        try {
            return body != Body.STREAMING || response.getOutputStream().isReady();
        } catch (IOException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    void setWriteListener(WriteListener listener) {
        lock.lock();
        try {
            // Non-blocking output cannot be held back for inspection: phase 3 runs now and the body streams.
            if (body == Body.PENDING) {
                responseHeaders(response.getStatus(), null);
            }
            if (body == Body.BUFFERING) {
                body = Body.STREAMING;
                buffer = null;
                LOG.debug("Parapet {}: non-blocking response body is not inspected", tx.id());
            }
            response.getOutputStream().setWriteListener(listener);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The application calls {@code sendError} or {@code sendRedirect}: phase 3 runs first; returns whether the
     * container may go on (false when the response was replaced by a block page).
     */
    boolean beforeContainerCommit(int status, String location) throws IOException {
        lock.lock();
        try {
            responseHeaders(status, location);
            if (body == Body.DISCARDING) {
                return false;
            }
            // The container writes the error page or redirect itself, past this filter.
            body = Body.DISCARDING;
            buffer = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void resetBody() {
        lock.lock();
        try {
            if (buffer != null) {
                buffer.reset();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The application is done (the filter chain returned, the async context completed, or the output stream was
     * closed): phase 3 if no byte was written, phase 4, phase 5 and the audit log, then the held body. Runs once.
     */
    public void finish() throws IOException {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            if (appResponse != null) {
                appResponse.flushWriter();
            }
            finished = true;
            if (body == Body.PENDING) {
                responseHeaders(response.getStatus(), null);
            }
            switch (body) {
                case BUFFERING -> {
                    byte[] held = buffer.toByteArray();
                    buffer = null;
                    tx.appendResponseBody(held, 0, held.length);
                    phase4Done = true;
                    Optional<Interruption> stop = tx.processResponseBody();
                    if (stop.isPresent()) {
                        block(stop.get());
                    } else {
                        body = Body.STREAMING;
                        logAndAudit(response.getStatus());
                        response.getOutputStream().write(held);
                        written += held.length;
                    }
                }
                case STREAMING -> completeStreaming();
                default -> logAndAudit(blockedBy != null ? blockedBy.status() : response.getStatus());
            }
            throwIfAborted();
        } finally {
            lock.unlock();
        }
    }

    /** The application threw: log the transaction with the status the container will send. */
    public void failed(Throwable error) {
        lock.lock();
        try {
            finished = true;
            if (!logged) {
                logAndAudit(response.isCommitted() ? response.getStatus() : 500);
            }
            LOG.debug("Parapet {}: application failed: {}", tx.id(), error.toString());
        } finally {
            lock.unlock();
        }
    }

    /** The exchange ended without {@link #finish()} (an async timeout or error): log what is known. */
    void completedElsewhere() {
        lock.lock();
        try {
            finished = true;
            if (!logged) {
                logAndAudit(response.getStatus());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A rule stopped the exchange. When the response is not committed it is replaced by the block page; when it
     * is, the rest of it is dropped and the connection aborted, so no more of a blocked response leaks out.
     */
    private void block(Interruption interruption) throws IOException {
        blockedBy = interruption;
        body = Body.DISCARDING;
        buffer = null;
        if (!response.isCommitted()) {
            logAndAudit(interruption.status());
            response.reset();
            BlockPage.write(response, interruption, tx.id(), request.getHeader("Accept"));
        } else {
            aborted = true;
            logAndAudit(response.getStatus());
            LOG.debug("Parapet {}: blocked in phase {} after the response was committed: aborting", tx.id(),
                    interruption.phase());
        }
    }

    private void throwIfAborted() throws IOException {
        if (aborted) {
            throw new ResponseAbortedException(tx.id());
        }
    }

    /** Whether a committed response was blocked and must be aborted. */
    public boolean aborted() {
        return aborted;
    }

    private void logAndAudit(int status) {
        if (logged) {
            return;
        }
        logged = true;
        try {
            tx.processLogging();
        } catch (RuntimeException e) {
            LOG.warn("Parapet {}: phase 5 failed", tx.id(), e);
        }
        if (auditRequest != null) {
            audit.record(tx, auditRequest, status);
        }
        if (listener != null && auditRequest != null) {
            notifyListener(status);
        }
    }

    private void notifyListener(int status) {
        // A block inside inspectRequest() logs before it returns: the inspection time ends here then.
        long nanos = inspectionNanos >= 0 ? inspectionNanos : System.nanoTime() - inspectionStart;
        try {
            listener.completed(new ExchangeOutcome(tx.id(), auditRequest.method(), auditRequest.uri(),
                    auditRequest.clientAddress(), status, tx.mode(), tx.interruption(), tx.matchedRules(), nanos));
        } catch (RuntimeException e) {
            LOG.warn("Parapet {}: exchange listener failed", tx.id(), e);
        }
    }

    /** Ends the transaction; logs it if nothing else did (e.g. the request could not be read). */
    public void close() {
        lock.lock();
        try {
            if (!logged && auditRequest != null) {
                logAndAudit(blockedBy != null ? blockedBy.status() : response.getStatus());
            }
            tx.close();
        } finally {
            lock.unlock();
        }
    }

    // ---- async ---------------------------------------------------------------------------------

    @Override
    public ServletResponse response() {
        return appResponse;
    }

    @Override
    public AsyncContext wrap(AsyncContext context) {
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                completedElsewhere();
                tx.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // the container (or the application's listener) answers; onComplete logs
            }

            @Override
            public void onError(AsyncEvent event) {
                failed(event.getThrowable() == null ? new IOException("async error") : event.getThrowable());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this);
            }
        });
        return new CompletingAsyncContext(context, this);
    }

    /** The response was blocked after it was committed; thrown so that the container aborts the connection. */
    public static final class ResponseAbortedException extends IOException {
        ResponseAbortedException(String id) {
            super("Parapet blocked transaction " + id + " after its response was committed: response aborted");
        }
    }
}
