package dev.parapet.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The servlets the filter tests run behind the filter. */
final class TestApp {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestApp() {
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers with the exact request body it read through getInputStream(), as application/octet-stream. */
    static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = req.getInputStream().readAllBytes();
            resp.setContentType("application/octet-stream");
            resp.setHeader("X-Body-Sha256", sha256(body));
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }

    /** Answers with the body read through getReader(), as text/plain UTF-8. */
    static final class ReaderEcho extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            StringBuilder text = new StringBuilder();
            try (Reader r = req.getReader()) {
                char[] buf = new char[1024];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    text.append(buf, 0, n);
                }
            }
            resp.setContentType("application/x-text-echo;charset=utf-8");
            resp.getWriter().write(text.toString());
        }
    }

    /** Answers with getParameterMap() as JSON. */
    static final class Params extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Map<String, List<String>> out = new LinkedHashMap<>();
            req.getParameterMap().forEach((k, v) -> out.put(k, List.of(v)));
            resp.setContentType("application/json");
            JSON.writeValue(resp.getOutputStream(), out);
        }
    }

    /** Answers with the multipart parts (name, filename, size, sha256, text of fields) as JSON. */
    static final class Parts extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            List<Map<String, Object>> out = new ArrayList<>();
            try {
                for (Part p : req.getParts()) {
                    byte[] data;
                    try (InputStream in = p.getInputStream()) {
                        data = in.readAllBytes();
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.getName());
                    m.put("filename", p.getSubmittedFileName());
                    m.put("size", p.getSize());
                    m.put("sha256", sha256(data));
                    m.put("type", p.getContentType());
                    if (p.getSubmittedFileName() == null) {
                        m.put("value", req.getParameter(p.getName()));
                    }
                    out.add(m);
                }
            } catch (ServletException e) {
                resp.sendError(400, "malformed multipart: " + e.getMessage());
                return;
            }
            resp.setContentType("application/json");
            JSON.writeValue(resp.getOutputStream(), out);
        }
    }

    /**
     * Answers as the query says: {@code type} (Content-Type), {@code body}, {@code header} (name:value),
     * {@code status}, {@code repeat} (times the body is written, flushing between writes).
     */
    static final class Respond extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(Integer.parseInt(param(req, "status", "200")));
            resp.setContentType(param(req, "type", "text/html"));
            String header = req.getParameter("header");
            if (header != null) {
                int colon = header.indexOf(':');
                resp.setHeader(header.substring(0, colon), header.substring(colon + 1));
            }
            byte[] body = param(req, "body", "hello").getBytes(StandardCharsets.UTF_8);
            int repeat = Integer.parseInt(param(req, "repeat", "1"));
            if (req.getParameter("length") != null) {
                resp.setContentLength(body.length * repeat);
            }
            OutputStream out = resp.getOutputStream();
            for (int i = 0; i < repeat; i++) {
                out.write(body);
                if (req.getParameter("flush") != null) {
                    out.flush();
                }
            }
        }
    }

    /** Writes the response from another thread after startAsync(), then completes. */
    static final class Async extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ctx = req.startAsync();
            String body = param(req, "body", "async hello");
            ctx.start(() -> {
                try {
                    HttpServletResponse r = (HttpServletResponse) ctx.getResponse();
                    r.setContentType("text/plain");
                    r.getWriter().write(body);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    ctx.complete();
                }
            });
        }
    }

    /** Starts async, then dispatches back to itself; the dispatched call writes {@code body} as text/html. */
    static final class AsyncDispatch extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getAttribute("dispatched") == null) {
                req.setAttribute("dispatched", Boolean.TRUE);
                AsyncContext ctx = req.startAsync();
                ctx.start(ctx::dispatch);
                return;
            }
            resp.setContentType("text/html");
            resp.getWriter().write(param(req, "body", "dispatched"));
        }
    }

    /**
     * Streams a non-inspected body: writes and flushes a first chunk, then waits (at most 10 s) until the client
     * says it received it, then writes the rest. A filter that held the body back would make the wait time out.
     */
    static final class Stream extends HttpServlet {
        static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CountDownLatch> GATES =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String key = param(req, "key", "");
            var gate = GATES.computeIfAbsent(key, k -> new java.util.concurrent.CountDownLatch(1));
            resp.setContentType(param(req, "type", "text/event-stream"));
            OutputStream out = resp.getOutputStream();
            out.write("first\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean released;
            try {
                released = gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                released = false;
            }
            out.write((released ? "second\n" : "timeout\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Reads the body with a ReadListener (non-blocking), then echoes its length and hash. */
    static final class NonBlockingRead extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext ctx = req.startAsync();
            var in = req.getInputStream();
            var data = new java.io.ByteArrayOutputStream();
            in.setReadListener(new jakarta.servlet.ReadListener() {
                @Override
                public void onDataAvailable() throws IOException {
                    byte[] buf = new byte[4096];
                    while (in.isReady()) {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        data.write(buf, 0, n);
                    }
                }

                @Override
                public void onAllDataRead() throws IOException {
                    HttpServletResponse r = (HttpServletResponse) ctx.getResponse();
                    r.setContentType("text/plain");
                    r.getWriter().write(data.size() + " " + sha256(data.toByteArray()));
                    ctx.complete();
                }

                @Override
                public void onError(Throwable t) {
                    ctx.complete();
                }
            });
        }
    }

    static String param(HttpServletRequest req, String name, String fallback) {
        String v = req.getParameter(name);
        return v == null ? fallback : v;
    }
}
