package dev.parapet.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.servlet.ParapetFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The demo application's endpoints. */
final class DemoServlets {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The most request body bytes an endpoint reads (the firewall's own limit is usually far lower). */
    static final int MAX_BODY = 10 * 1024 * 1024;

    private DemoServlets() {
    }

    /** {@code /}: a short page for people; any other unknown path: an empty 200, as CRS's albedo backend does. */
    static final class Index extends HttpServlet {
        static final String PAGE = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Parapet demo</title></head>
                <body>
                <h1>Parapet demo</h1>
                <p>This application runs behind the Parapet web application firewall.</p>
                <ul>
                <li><a href="/get?name=value">/get</a>: describes the request as JSON</li>
                <li>/post: describes a POSTed form, JSON or text body as JSON</li>
                <li><a href="/upload">/upload</a>: describes multipart uploads</li>
                <li>/reflect: answers with the status, headers and body a POSTed JSON document asks for</li>
                </ul>
                </body></html>
                """;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getRequestURI();
            if (path == null || !path.equals("/")) {
                resp.setStatus(200);
                return;
            }
            byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/html;charset=utf-8");
            resp.setContentLength(page.length);
            if (!"HEAD".equals(req.getMethod())) {
                resp.getOutputStream().write(page);
            }
        }
    }

    /** {@code /get}: the request as JSON (method, path, arguments, headers, client). */
    static final class Get extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ObjectNode out = describe(req);
            out.set("args", parameters(req));
            writeJson(resp, 200, out);
        }
    }

    /** {@code /post}: the request and its body as JSON. */
    static final class Post extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ObjectNode out = describe(req);
            String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
                out.set("form", parameters(req));
            } else {
                byte[] body = readBody(req);
                if (body == null) {
                    writeError(resp, 413, "body larger than " + MAX_BODY + " bytes");
                    return;
                }
                out.put("length", body.length);
                if (type.contains("json")) {
                    try {
                        out.set("json", JSON.readTree(body));
                    } catch (JsonProcessingException e) {
                        out.put("json_error", "not valid JSON");
                    }
                }
                out.put("data", new String(body, StandardCharsets.UTF_8));
            }
            writeJson(resp, 200, out);
        }
    }

    /** {@code /upload}: POST describes the multipart parts; GET shows a form. */
    static final class Upload extends HttpServlet {
        static final String FORM = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Upload</title></head>
                <body><form method="post" enctype="multipart/form-data">
                <input name="comment"> <input type="file" name="file"> <button>Upload</button>
                </form></body></html>
                """;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=utf-8");
            resp.getWriter().write(FORM);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ObjectNode out = describe(req);
            ArrayNode parts = out.putArray("parts");
            try {
                for (Part p : req.getParts()) {
                    ObjectNode part = parts.addObject();
                    part.put("name", p.getName());
                    part.put("filename", p.getSubmittedFileName());
                    part.put("content_type", p.getContentType());
                    part.put("size", p.getSize());
                    try (InputStream in = p.getInputStream()) {
                        byte[] data = in.readNBytes(MAX_BODY);
                        part.put("sha256", sha256(data));
                        if (p.getSubmittedFileName() == null) {
                            part.put("value", new String(data, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (ServletException | IllegalStateException e) {
                writeError(resp, 400, "not a valid multipart/form-data body");
                return;
            }
            writeJson(resp, 200, out);
        }
    }

    /**
     * {@code /reflect}: answers a POSTed JSON document {@code {"status":…,"headers":{…},"body":"…",
     * "encodedBody":"…"}} with exactly that response, like CRS's albedo backend, so response rules can be tested.
     */
    static final class Reflect extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (!"POST".equals(req.getMethod())) {
                resp.setStatus(200); // albedo: only POST reflects; anything else is the default empty answer
                return;
            }
            byte[] raw = readBody(req);
            JsonNode spec;
            try {
                spec = raw == null ? null : JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                spec = null;
            }
            if (spec == null || !spec.isObject()) {
                plain(resp, 400, "Invalid JSON in request body");
                return;
            }
            int status = spec.path("status").asInt(0);
            if ((status > 0 && status < 100) || status >= 600) {
                plain(resp, 400, "Invalid status code: " + status);
                return;
            }
            byte[] body;
            if (spec.hasNonNull("body") && !spec.get("body").asText().isEmpty()) {
                body = spec.get("body").asText().getBytes(StandardCharsets.UTF_8);
            } else if (spec.hasNonNull("encodedBody") && !spec.get("encodedBody").asText().isEmpty()) {
                try {
                    body = Base64.getMimeDecoder().decode(spec.get("encodedBody").asText());
                } catch (IllegalArgumentException e) {
                    plain(resp, 400, "invalid base64 encoding of response body");
                    return;
                }
            } else {
                body = new byte[0];
            }
            boolean typed = false;
            Iterator<Map.Entry<String, JsonNode>> headers = spec.path("headers").fields();
            while (headers.hasNext()) {
                Map.Entry<String, JsonNode> h = headers.next();
                if (validHeader(h.getKey(), h.getValue().asText())) {
                    resp.addHeader(h.getKey(), h.getValue().asText());
                    typed |= h.getKey().equalsIgnoreCase("Content-Type");
                }
            }
            if (!typed && body.length > 0) {
                resp.setContentType(sniff(body)); // as Go's net/http does for albedo
            }
            resp.setStatus(status == 0 ? 200 : status);
            if (body.length > 0) {
                resp.getOutputStream().write(body);
            }
        }

        private static boolean validHeader(String name, String value) {
            if (name.isEmpty()) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                    return false;
                }
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < ' ' && c != '\t') || c == 0x7f) {
                    return false;
                }
            }
            return true;
        }

        /** A reduced {@code http.DetectContentType}: the text types response rules inspect. */
        static String sniff(byte[] body) {
            int i = 0;
            while (i < body.length && " \t\n\r\f".indexOf(body[i]) >= 0) {
                i++;
            }
            String head = new String(body, i, Math.min(body.length - i, 16), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            for (String tag : new String[] {"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div",
                    "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"}) {
                if (head.startsWith(tag) && head.length() > tag.length()
                        && (head.charAt(tag.length()) == ' ' || head.charAt(tag.length()) == '>')) {
                    return "text/html; charset=utf-8";
                }
            }
            if (head.startsWith("<?xml")) {
                return "text/xml; charset=utf-8";
            }
            for (int k = 0; k < Math.min(body.length, 512); k++) {
                int c = body[k] & 0xFF;
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                    return "application/octet-stream";
                }
            }
            return "text/plain; charset=utf-8";
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    static ObjectNode describe(HttpServletRequest req) {
        ObjectNode out = JSON.createObjectNode();
        out.put("method", req.getMethod());
        out.put("path", req.getRequestURI());
        out.put("query", req.getQueryString());
        out.put("client", req.getRemoteAddr());
        Object id = req.getAttribute(ParapetFilter.TRANSACTION_ID);
        if (id != null) {
            out.put("transaction_id", id.toString());
        }
        ObjectNode headers = out.putObject("headers");
        for (String name : Collections.list(req.getHeaderNames())) {
            ArrayNode values = headers.putArray(name);
            Collections.list(req.getHeaders(name)).forEach(values::add);
        }
        return out;
    }

    static ObjectNode parameters(HttpServletRequest req) {
        ObjectNode args = JSON.createObjectNode();
        req.getParameterMap().forEach((name, values) -> {
            ArrayNode a = args.putArray(name);
            for (String v : values) {
                a.add(v);
            }
        });
        return args;
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}. */
    static byte[] readBody(HttpServletRequest req) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[16384];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (out.size() + n > MAX_BODY) {
                    return null;
                }
                out.write(chunk, 0, n);
            }
        }
        return out.toByteArray();
    }

    static void writeJson(HttpServletResponse resp, int status, JsonNode json) throws IOException {
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(body.length + 1);
        resp.getOutputStream().write(body);
        resp.getOutputStream().write('\n');
    }

    static void writeError(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode err = JSON.createObjectNode();
        err.put("status", status);
        err.put("error", message);
        writeJson(resp, status, err);
    }

    static void plain(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
