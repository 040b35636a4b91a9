package dev.parapet.servlet.internal;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into in-memory {@link Part}s for the application, since the
 * filter consumed the container's stream. The body is already bounded by the filter, so parts stay in memory; the
 * inspection of the same body for the rules is the engine's own parser, this one only serves {@code getParts()}.
 */
final class MultipartForm {

    static final int MAX_PARTS = 1000;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private MultipartForm() {
    }

    /** The body does not follow the multipart syntax. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Splits a body into parts.
     *
     * @param contentType the request's Content-Type, with its boundary parameter
     * @param fieldCharset the charset of form fields without their own (the request's, else UTF-8)
     * @param tempDirectory where {@link Part#write} puts relative file names
     */
    static List<MemoryPart> parse(byte[] body, int length, String contentType, Charset fieldCharset,
            Path tempDirectory) throws MalformedException {
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw new MalformedException("no usable boundary in Content-Type");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int[] failure = failureFunction(delimiter);
        int at = findDelimiter(body, 0, length, delimiter, failure, true);
        if (at < 0) {
            throw new MalformedException("no boundary found");
        }
        List<MemoryPart> parts = new ArrayList<>();
        int pos = at + delimiter.length;
        while (true) {
            if (pos + 1 < length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts; // close delimiter; the epilogue is ignored
            }
            while (pos < length && (body[pos] == ' ' || body[pos] == '\t')) {
                pos++;
            }
            pos = skipLineEnd(body, pos, length);
            if (pos < 0) {
                throw new MalformedException("boundary not followed by a line break");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            pos = readHeaders(body, pos, length, headers);
            int next = findDelimiter(body, pos, length, delimiter, failure, false);
            if (next < 0) {
                throw new MalformedException("part without a closing boundary");
            }
            int contentEnd = next >= 2 && body[next - 2] == '\r' ? next - 2 : next - 1;
            contentEnd = Math.max(contentEnd, pos);
            if (parts.size() >= MAX_PARTS) {
                throw new MalformedException("more than " + MAX_PARTS + " parts");
            }
            parts.add(part(headers, body, pos, contentEnd - pos, fieldCharset, tempDirectory));
            pos = next + delimiter.length;
        }
    }

    private static MemoryPart part(Map<String, List<String>> headers, byte[] body, int offset, int length,
            Charset fieldCharset, Path tempDirectory) throws MalformedException {
        String disposition = first(headers, "content-disposition");
        if (disposition == null) {
            throw new MalformedException("part without Content-Disposition");
        }
        String name = parameter(disposition, "name");
        if (name == null) {
            throw new MalformedException("part without a name");
        }
        String fileName = parameter(disposition, "filename*");
        fileName = fileName != null ? extendedValue(fileName) : parameter(disposition, "filename");
        String type = first(headers, "content-type");
        Charset charset = fieldCharset;
        String declared = type == null ? null : parameter(type, "charset");
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException ignored) {
                // keep the request's charset, as containers do
            }
        }
        return new MemoryPart(name, fileName, type, headers, body, offset, length, charset, tempDirectory);
    }

    private static String extendedValue(String value) {
        // RFC 8187: charset'language'percent-encoded
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return value;
        }
        try {
            Charset cs = Charset.forName(value.substring(0, q1));
            return URLDecoder.decode(value.substring(q2 + 1).replace("+", "%2B"), cs);
        } catch (IllegalArgumentException e) {
            return value.substring(q2 + 1);
        }
    }

    private static int readHeaders(byte[] body, int pos, int length, Map<String, List<String>> headers)
            throws MalformedException {
        int start = pos;
        String lastName = null;
        while (true) {
            if (pos - start > MAX_HEADER_BYTES) {
                throw new MalformedException("part headers too large");
            }
            int eol = pos;
            while (eol < length && body[eol] != '\n') {
                eol++;
            }
            if (eol >= length) {
                throw new MalformedException("part headers not terminated");
            }
            int lineEnd = eol > pos && body[eol - 1] == '\r' ? eol - 1 : eol;
            String line = new String(body, pos, lineEnd - pos, StandardCharsets.UTF_8);
            pos = eol + 1;
            if (line.isEmpty()) {
                return pos;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("invalid part header line");
            }
            lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(lastName, k -> new ArrayList<>(1)).add(line.substring(colon + 1).strip());
        }
    }

    private static int skipLineEnd(byte[] body, int pos, int length) {
        if (pos < length && body[pos] == '\n') {
            return pos + 1;
        }
        if (pos + 1 < length && body[pos] == '\r' && body[pos + 1] == '\n') {
            return pos + 2;
        }
        return -1;
    }

    /**
     * The index of the next delimiter that starts a line (preceded by LF, or at {@code from} when {@code atStart}),
     * or -1. Knuth-Morris-Pratt, so hostile bodies cannot make the search quadratic.
     */
    private static int findDelimiter(byte[] body, int from, int length, byte[] delimiter, int[] failure,
            boolean atStart) {
        int matched = 0;
        for (int i = from; i < length; i++) {
            while (matched > 0 && body[i] != delimiter[matched]) {
                matched = failure[matched - 1];
            }
            if (body[i] == delimiter[matched]) {
                matched++;
            }
            if (matched == delimiter.length) {
                int start = i - delimiter.length + 1;
                if ((atStart && start == from) || (start > 0 && body[start - 1] == '\n')) {
                    return start;
                }
                matched = failure[matched - 1];
            }
        }
        return -1;
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] f = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = f[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A parameter of a header value such as {@code form-data; name="a"}; names ignore case; {@code null} if absent. */
    static String parameter(String headerValue, String name) {
        if (headerValue == null) {
            return null;
        }
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            i++;
            while (i < headerValue.length() && Character.isWhitespace(headerValue.charAt(i))) {
                i++;
            }
            int eq = headerValue.indexOf('=', i);
            int semi = headerValue.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String key = headerValue.substring(i, eq).strip();
            int v = eq + 1;
            while (v < headerValue.length() && Character.isWhitespace(headerValue.charAt(v))) {
                v++;
            }
            String value;
            int end;
            if (v < headerValue.length() && headerValue.charAt(v) == '"') {
                StringBuilder b = new StringBuilder();
                int k = v + 1;
                while (k < headerValue.length() && headerValue.charAt(k) != '"') {
                    char c = headerValue.charAt(k);
                    if (c == '\\' && k + 1 < headerValue.length() && headerValue.charAt(k + 1) == '"') {
                        c = '"';
                        k++;
                    }
                    b.append(c);
                    k++;
                }
                value = b.toString();
                end = headerValue.indexOf(';', Math.min(k + 1, headerValue.length()));
            } else {
                end = headerValue.indexOf(';', v);
                value = (end < 0 ? headerValue.substring(v) : headerValue.substring(v, end)).strip();
            }
            if (key.equalsIgnoreCase(name)) {
                return value;
            }
            i = end;
        }
        return null;
    }

    /** A part held in memory (a slice of the buffered body). */
    static final class MemoryPart implements Part {
        private final String name;
        private final String fileName;
        private final String contentType;
        private final Map<String, List<String>> headers;
        private final byte[] body;
        private final int offset;
        private final int length;
        private final Charset charset;
        private final Path tempDirectory;

        MemoryPart(String name, String fileName, String contentType, Map<String, List<String>> headers, byte[] body,
                int offset, int length, Charset charset, Path tempDirectory) {
            this.name = name;
            this.fileName = fileName;
            this.contentType = contentType;
            this.headers = headers;
            this.body = body;
            this.offset = offset;
            this.length = length;
            this.charset = charset;
            this.tempDirectory = tempDirectory;
        }

        /** A form field's value, decoded; for a file part its content decoded the same way. */
        String text() {
            return new String(body, offset, length, charset);
        }

        boolean isFile() {
            return fileName != null;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body, offset, length);
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getSubmittedFileName() {
            return fileName;
        }

        @Override
        public long getSize() {
            return length;
        }

        @Override
        public void write(String target) throws IOException {
            Path path = Path.of(target);
            if (!path.isAbsolute() && tempDirectory != null) {
                path = tempDirectory.resolve(path);
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                out.write(body, offset, length);
            }
        }

        @Override
        public void delete() {
            // held in memory: nothing to remove
        }

        @Override
        public String getHeader(String header) {
            return first(headers, header.toLowerCase(Locale.ROOT));
        }

        @Override
        public Collection<String> getHeaders(String header) {
            return List.copyOf(headers.getOrDefault(header.toLowerCase(Locale.ROOT), List.of()));
        }

        @Override
        public Collection<String> getHeaderNames() {
            return List.copyOf(headers.keySet());
        }
    }
}
