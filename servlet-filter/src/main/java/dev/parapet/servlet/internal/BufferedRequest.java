package dev.parapet.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as the application sees it. When the filter read the body, the same body is replayed unchanged through
 * {@link #getInputStream()} or {@link #getReader()}, and parameters and multipart parts are built from it (the
 * container cannot build them any more, since its stream was consumed). {@link #startAsync()} hands out the
 * filter's response, so asynchronous writes are inspected too.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final int length;
    private final ServletInputStream rest;
    private final long maxMultipartBytes;
    private AsyncSupport async;
    private ServletInputStream stream;
    private BufferedReader reader;
    private Map<String, String[]> parameters;
    private List<MultipartForm.MemoryPart> parts;
    private AsyncContext asyncContext;

    /** Gives {@link #startAsync()} the response the application was handed, and watches the async context. */
    interface AsyncSupport {
        ServletResponse response();

        AsyncContext wrap(AsyncContext context);
    }

    /**
     * @param request the container's request
     * @param body the bytes read (and inspected), or {@code null} when the filter did not touch the body
     * @param length how many are valid
     * @param rest the container's stream for the rest, when the body was longer than the inspection limit
     * @param maxMultipartBytes most bytes read into memory to build multipart parts of such a longer body
     */
    BufferedRequest(HttpServletRequest request, byte[] body, int length, ServletInputStream rest,
            long maxMultipartBytes) {
        super(request);
        this.body = body;
        this.length = length;
        this.rest = rest;
        this.maxMultipartBytes = maxMultipartBytes;
    }

    void async(AsyncSupport support) {
        this.async = support;
    }

    private boolean consumed() {
        return body != null;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (!consumed()) {
            return super.getInputStream();
        }
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called");
        }
        return replay();
    }

    private ServletInputStream replay() {
        if (stream == null) {
            stream = new ReplayInputStream(body, length, rest, () -> asyncContext);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (!consumed()) {
            return super.getReader();
        }
        if (reader == null) {
            if (stream != null) {
                throw new IllegalStateException("getInputStream() has already been called");
            }
            String encoding = getCharacterEncoding();
            if (encoding == null && getServletContext() != null) {
                encoding = getServletContext().getRequestCharacterEncoding();
            }
            // JSON has no charset parameter: it is UTF-8 (RFC 8259), as containers assume too.
            Charset fallback = mimeType().endsWith("json") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            reader = new BufferedReader(new InputStreamReader(replay(), charset(encoding, fallback)));
        }
        return reader;
    }

    // ---- parameters ----------------------------------------------------------------------------

    private boolean isForm() {
        return "application/x-www-form-urlencoded".equals(mimeType());
    }

    private boolean isMultipart() {
        return "multipart/form-data".equals(mimeType());
    }

    private String mimeType() {
        String type = getContentType();
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private Map<String, String[]> parameters() {
        if (parameters != null) {
            return parameters;
        }
        if (!consumed() || (!isForm() && !isMultipart())) {
            // The container still has the body, or only needs the query string: let it decode as it always does.
            parameters = super.getParameterMap();
            return parameters;
        }
        FormParameters form = new FormParameters();
        Charset charset = fieldCharset();
        String query = getQueryString();
        if (query != null) {
            byte[] q = ByteStrings.of(query).getBytes(StandardCharsets.ISO_8859_1);
            form.addUrlEncoded(q, 0, q.length, StandardCharsets.UTF_8);
        }
        if (isForm() && stream == null && reader == null) {
            byte[] all = fullBody();
            form.addUrlEncoded(all, 0, all == body ? length : all.length, charset);
        } else if (isMultipart()) {
            try {
                for (MultipartForm.MemoryPart p : parts()) {
                    if (!p.isFile()) {
                        form.add(p.getName(), p.text());
                    }
                }
            } catch (ServletException | IOException | IllegalStateException malformed) {
                // getParameter cannot report it; getParts() will
            }
        }
        parameters = form.toMap();
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    // ---- multipart -----------------------------------------------------------------------------

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        if (!consumed()) {
            return super.getParts();
        }
        return new ArrayList<>(parts());
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        if (!consumed()) {
            return super.getPart(name);
        }
        for (Part p : parts()) {
            if (p.getName().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private List<MultipartForm.MemoryPart> parts() throws IOException, ServletException {
        if (parts != null) {
            return parts;
        }
        if (!isMultipart()) {
            throw new ServletException("Content-Type is not multipart/form-data");
        }
        if (stream != null || reader != null) {
            throw new IllegalStateException("the body was already read through getInputStream() or getReader()");
        }
        byte[] all = fullBody();
        int n = all == body ? length : all.length;
        try {
            parts = List.copyOf(MultipartForm.parse(all, n, getContentType(), fieldCharset(), tempDirectory()));
        } catch (MultipartForm.MalformedException e) {
            throw new ServletException("Malformed multipart body: " + e.getMessage());
        }
        return parts;
    }

    /** The whole body: the buffer, plus the rest of the stream when the body was longer than the buffer. */
    private byte[] fullBody() {
        if (rest == null) {
            return body;
        }
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(length * 2);
            out.write(body, 0, length);
            byte[] chunk = new byte[16384];
            int r;
            ServletInputStream s = rest;
            while ((r = s.read(chunk)) >= 0) {
                if (out.size() + (long) r > maxMultipartBytes) {
                    throw new IllegalStateException("request body larger than " + maxMultipartBytes
                            + " bytes cannot be parsed into parameters or parts");
                }
                out.write(chunk, 0, r);
            }
            byte[] all = out.toByteArray();
            // From now on the stream replays everything from memory.
            stream = new ReplayInputStream(all, all.length, null, () -> asyncContext);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the request body: " + e.getMessage(), e);
        }
    }

    private Charset fieldCharset() {
        String encoding = getCharacterEncoding();
        if (encoding == null && getServletContext() != null) {
            encoding = getServletContext().getRequestCharacterEncoding();
        }
        return charset(encoding, StandardCharsets.UTF_8);
    }

    private Path tempDirectory() {
        Object dir = getServletContext() == null ? null
                : getServletContext().getAttribute("jakarta.servlet.context.tempdir");
        return dir instanceof java.io.File f ? f.toPath() : null;
    }

    private static Charset charset(String name, Charset fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return fallback;
        }
    }

    // ---- async ---------------------------------------------------------------------------------

    @Override
    public AsyncContext startAsync() {
        ServletResponse response = async == null ? null : async.response();
        AsyncContext context = response == null ? super.startAsync() : super.startAsync(this, response);
        asyncContext = async == null ? context : async.wrap(context);
        return asyncContext;
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        AsyncContext context = super.startAsync(request, response);
        asyncContext = async == null ? context : async.wrap(context);
        return asyncContext;
    }

    @Override
    public AsyncContext getAsyncContext() {
        return asyncContext != null ? asyncContext : super.getAsyncContext();
    }
}
