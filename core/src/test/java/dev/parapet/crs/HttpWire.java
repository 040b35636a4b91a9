package dev.parapet.crs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A raw HTTP/1.x client for tests: writes bytes exactly as given and reads one response (status, headers, body by
 * Content-Length, chunked coding or connection close), so malformed requests reach the server as sent.
 */
public final class HttpWire {

    /** Most response bytes kept, so that a misbehaving server cannot exhaust the test's memory. */
    static final int MAX_RESPONSE = 16 * 1024 * 1024;

    private HttpWire() {
    }

    /**
     * One response, or the transport error that prevented reading it.
     *
     * @param status the status code, or -1 when no status line was read
     * @param headers the headers in order
     * @param body the body (de-chunked)
     * @param complete whether the body ended as its framing said (false: the connection was cut or timed out)
     * @param raw everything read, for response_contains checks
     * @param error the transport error, if any
     */
    public record Response(int status, List<String[]> headers, byte[] body, boolean complete, byte[] raw,
            IOException error) {

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code request} in one write and reads one response. */
    public static Response exchange(String host, int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (e.g. 413) and close before reading everything: still read the answer.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Response(-1, List.of(), new byte[0], false, new byte[0], e);
        }
    }

    /** Reads one response from a stream; never throws, a transport problem is in {@link Response#error()}. */
    public static Response read(InputStream in) {
        Reader r = new Reader(in);
        int status = -1;
        List<String[]> headers = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            String statusLine = r.line();
            if (statusLine == null) {
                throw new IOException("connection closed before a status line");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            status = Integer.parseInt(parts[1].strip());
            String line;
            while ((line = r.line()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
                }
            }
            if (line == null) {
                throw new IOException("connection closed inside the headers");
            }
            String te = find(headers, "Transfer-Encoding");
            String cl = find(headers, "Content-Length");
            boolean complete;
            if (status / 100 == 1 || status == 204 || status == 304) {
                complete = true;
            } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                complete = readChunked(r, body);
            } else if (cl != null) {
                long length = Long.parseLong(cl.strip());
                complete = r.copy(body, length) == length;
            } else {
                r.copy(body, Long.MAX_VALUE);
                complete = true;
            }
            return new Response(status, headers, body.toByteArray(), complete, r.raw(), null);
        } catch (IOException | NumberFormatException e) {
            IOException error = e instanceof IOException io ? io : new IOException(e);
            return new Response(status, headers, body.toByteArray(), false, r.raw(), error);
        }
    }

    private static boolean readChunked(Reader r, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = r.line();
            if (size == null) {
                return false;
            }
            int semi = size.indexOf(';');
            long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
            if (n == 0) {
                String trailer;
                while ((trailer = r.line()) != null && !trailer.isEmpty()) {
                    // trailers ignored
                }
                return trailer != null;
            }
            if (r.copy(body, n) != n) {
                return false;
            }
            if (r.line() == null) {
                return false;
            }
        }
    }

    private static String find(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** Byte reader that remembers what it read (bounded). */
    private static final class Reader {
        private final InputStream in;
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
        private final byte[] buf = new byte[8192];
        private int pos;
        private int len;

        Reader(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            if (pos < len) {
                return true;
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                throw new IOException("read timed out", e);
            }
            if (n <= 0) {
                return false;
            }
            if (raw.size() + n <= MAX_RESPONSE) {
                raw.write(buf, 0, n);
            }
            pos = 0;
            len = n;
            return true;
        }

        /** A line without CRLF, or null at end of stream (a partial last line is returned). */
        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            while (true) {
                if (!fill()) {
                    return b.isEmpty() ? null : b.toString();
                }
                byte c = buf[pos++];
                if (c == '\n') {
                    int end = b.length();
                    if (end > 0 && b.charAt(end - 1) == '\r') {
                        b.setLength(end - 1);
                    }
                    return b.toString();
                }
                if (b.length() < 65536) {
                    b.append((char) (c & 0xFF));
                }
            }
        }

        /** Copies up to {@code n} bytes (stops at end of stream); returns how many were copied. */
        long copy(ByteArrayOutputStream out, long n) throws IOException {
            long copied = 0;
            while (copied < n && fill()) {
                int k = (int) Math.min(n - copied, len - pos);
                if (out.size() + k <= MAX_RESPONSE) {
                    out.write(buf, pos, k);
                }
                pos += k;
                copied += k;
            }
            return copied;
        }

        byte[] raw() {
            return raw.toByteArray();
        }
    }
}
