package dev.parapet.crs;

import dev.parapet.crs.RawRequest.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tolerant HTTP/1.x request parser modelled on what Apache httpd 2.4 hands to ModSecurity. It never throws and
 * runs in linear time: malformed input still yields a request, and what a strict server would refuse is recorded
 * in {@link RawRequest#rejections()}.
 */
final class RawRequestParser {
    /** Upper bound on header lines kept, so that a hostile input cannot make the result unbounded in count. */
    static final int MAX_HEADERS = 10_000;

    private RawRequestParser() {}

    static RawRequest parse(byte[] bytes) {
        return parse(ByteStrings.latin1(bytes));
    }

    static RawRequest parse(String in) {
        List<String> rejections = new ArrayList<>();
        int pos = 0;
        // Apache skips empty lines before the request line (RFC 9112 section 2.2 robustness).
        while (pos < in.length() && (in.charAt(pos) == '\r' || in.charAt(pos) == '\n')) {
            pos++;
        }
        int eol = in.indexOf('\n', pos);
        String line;
        if (eol < 0) {
            line = in.substring(pos);
            pos = in.length();
            rejections.add("request line not terminated");
        } else {
            line = stripCr(in.substring(pos, eol));
            pos = eol + 1;
        }

        // Method: the literal text up to the first whitespace after any leading whitespace, so odd methods such as
        // "     GET" or "\tGET" stay visible as sent.
        int i = 0;
        while (i < line.length() && isWhite(line.charAt(i))) {
            i++;
        }
        if (i > 0) {
            rejections.add("request line starts with whitespace");
        }
        int methodEnd = i;
        while (methodEnd < line.length() && !isWhite(line.charAt(methodEnd))) {
            methodEnd++;
        }
        String method = line.substring(0, methodEnd);
        int uriStart = skipWhite(line, methodEnd);
        if (uriStart - methodEnd > 1 || (uriStart > methodEnd && line.charAt(methodEnd) != ' ')) {
            rejections.add("excess or non-SP whitespace after method");
        }
        int uriEnd = uriStart;
        while (uriEnd < line.length() && !isWhite(line.charAt(uriEnd))) {
            uriEnd++;
        }
        String uri = line.substring(uriStart, uriEnd);
        if (uri.isEmpty()) {
            rejections.add("missing URI");
        }
        String protocol = line.substring(skipWhite(line, uriEnd)).strip();
        boolean http09 = protocol.isEmpty();
        if (http09) {
            protocol = "HTTP/0.9";
            if (!method.equals("GET")) {
                rejections.add("HTTP/0.9 request with method other than GET");
            }
        } else if (!isHttpVersion(protocol)) {
            rejections.add("malformed protocol '" + protocol + "'");
        }

        List<Header> headers = new ArrayList<>();
        boolean headersTerminated = http09; // HTTP/0.9 has no header section; Apache reads nothing more
        while (!http09 && pos < in.length()) {
            int end = in.indexOf('\n', pos);
            String headerLine = stripCr(end < 0 ? in.substring(pos) : in.substring(pos, end));
            pos = end < 0 ? in.length() : end + 1;
            if (headerLine.isEmpty()) {
                headersTerminated = true;
                break;
            }
            if (isWhite(headerLine.charAt(0))) {
                // Obsolete line folding: Apache joins the continuation to the previous value with one space.
                if (headers.isEmpty()) {
                    rejections.add("continuation line before the first header");
                } else {
                    Header last = headers.remove(headers.size() - 1);
                    headers.add(new Header(last.name(), last.value() + " " + headerLine.strip()));
                }
                continue;
            }
            int colon = headerLine.indexOf(':');
            if (colon < 0) {
                rejections.add("header line without colon");
                continue;
            }
            String name = headerLine.substring(0, colon);
            if (!name.equals(name.stripTrailing()) || name.isEmpty()) {
                rejections.add("invalid header name '" + name + "'");
            }
            if (headers.size() < MAX_HEADERS) {
                headers.add(new Header(name.stripTrailing(), stripOws(headerLine.substring(colon + 1))));
            }
        }
        if (!headersTerminated) {
            rejections.add("header section not terminated");
        }
        String rest = in.substring(pos);
        String body = body(headers, rest, rejections);
        return new RawRequest(line, method, uri, protocol, List.copyOf(headers), body, List.copyOf(rejections));
    }

    private static String body(List<Header> headers, String rest, List<String> rejections) {
        String te = headers.stream().filter(h -> h.name().equalsIgnoreCase("Transfer-Encoding"))
                .map(Header::value).reduce((a, b) -> a + "," + b).orElse(null);
        if (te != null && te.toLowerCase(Locale.ROOT).strip().endsWith("chunked")) {
            // The server decodes chunked bodies before the WAF sees them and, as RFC 9112 section 6.3
            // requires, ignores a Content-Length that comes with Transfer-Encoding (Jetty drops it).
            headers.removeIf(h -> h.name().equalsIgnoreCase("Content-Length"));
            return dechunk(rest, rejections);
        }
        String cl = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Length"))
                .map(Header::value).findFirst().orElse(null);
        if (cl == null) {
            return ""; // no framing: the server reads no body (extra bytes would be a new pipelined request)
        }
        long length = parseLength(cl.strip());
        if (length < 0) {
            rejections.add("invalid Content-Length '" + cl + "'");
            return "";
        }
        if (length > rest.length()) {
            // A real server would wait for the rest and time out; in-process we pass what was sent.
            rejections.add("body shorter than Content-Length");
            return rest;
        }
        return rest.substring(0, (int) length);
    }

    static String dechunk(String in, List<String> rejections) {
        StringBuilder out = new StringBuilder(in.length());
        int pos = 0;
        while (true) {
            int eol = in.indexOf('\n', pos);
            if (eol < 0) {
                rejections.add("chunked body truncated");
                return out.toString();
            }
            String sizeLine = stripCr(in.substring(pos, eol));
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            long size = parseHex(hex);
            if (size < 0) {
                rejections.add("invalid chunk size '" + hex + "'");
                return out.toString();
            }
            pos = eol + 1;
            if (size == 0) {
                return out.toString(); // trailers, if any, are not part of the body
            }
            if (size > in.length() - pos) {
                rejections.add("chunked body truncated");
                out.append(in, pos, in.length());
                return out.toString();
            }
            out.append(in, pos, pos + (int) size);
            pos += (int) size;
            if (in.startsWith("\r\n", pos)) {
                pos += 2;
            } else if (in.startsWith("\n", pos)) {
                pos += 1;
            } else {
                rejections.add("chunk not followed by CRLF");
                return out.toString();
            }
        }
    }

    private static long parseLength(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long parseHex(String s) {
        if (s.isEmpty() || s.length() > 15) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static boolean isHttpVersion(String p) {
        // Apache's strict check: "HTTP/" DIGIT "." DIGIT; HTTP/2 style is accepted here since CRS lists it.
        if (!p.startsWith("HTTP/") || p.length() < 6) {
            return false;
        }
        String v = p.substring(5);
        boolean major = isDigit(v.charAt(0));
        return (v.length() == 1 && major) || (v.length() == 3 && major && v.charAt(1) == '.' && isDigit(v.charAt(2)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipWhite(String s, int i) {
        while (i < s.length() && isWhite(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t';
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String stripOws(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isWhite(s.charAt(a))) {
            a++;
        }
        while (b > a && isWhite(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }
}
