package dev.parapet.servlet.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The response as the application sees it. Every byte goes through {@link Exchange}, which runs phase 3 before the
 * first byte or commit, buffers the body when phase 4 inspects it, and replaces or aborts a blocked response.
 * Headers and status are set on the container's response directly: nothing is committed before phase 3 ran.
 */
final class InspectingResponse extends HttpServletResponseWrapper {

    private final Exchange exchange;
    private final BodyStream stream = new BodyStream();
    private PrintWriter writer;
    private boolean streamUsed;

    InspectingResponse(HttpServletResponse response, Exchange exchange) {
        super(response);
        this.exchange = exchange;
    }

    HttpServletResponse container() {
        return (HttpServletResponse) getResponse();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        streamUsed = true;
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (streamUsed) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                charset = StandardCharsets.ISO_8859_1;
            }
            // As the container's own getWriter() does: the charset becomes part of the Content-Type.
            if (encoding != null) {
                setCharacterEncoding(encoding);
            }
            writer = new PrintWriter(new OutputStreamWriter(stream, charset), false);
        }
        return writer;
    }

    /** Pushes characters the application left in its writer into the body stream. */
    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        exchange.flush(true);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (exchange.beforeContainerCommit(sc, null)) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (exchange.beforeContainerCommit(sc, null)) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (exchange.beforeContainerCommit(HttpServletResponse.SC_FOUND, location)) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void reset() {
        exchange.resetBody();
        super.reset();
        writer = null;
        streamUsed = false;
    }

    @Override
    public void resetBuffer() {
        exchange.resetBody();
        super.resetBuffer();
    }

    /** The application's output stream: hands every byte to the exchange. */
    private final class BodyStream extends ServletOutputStream {
        private final byte[] one = new byte[1];

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            exchange.write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len > 0) {
                exchange.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            exchange.flush(false);
        }

        @Override
        public void close() throws IOException {
            exchange.outputClosed();
        }

        @Override
        public boolean isReady() {
            return exchange.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            exchange.setWriteListener(listener);
        }
    }
}
