package dev.parapet.bodyprocessors;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One multipart parse: mutable, used by a single call of {@link MultipartBodyProcessor}. */
final class MultipartParser {

    /** ModSecurity's MULTIPART_BUF_SIZE: lines are processed in chunks of at most this many bytes. */
    static final int BUF_SIZE = 4096;
    static final int MAX_HEADERS_PER_PART = 100;
    private static final int MAX_CONTENT_TYPE_LENGTH = 1024;
    private static final String MIME_TYPE = "multipart/form-data";

    private final byte[] body;
    private final int length;
    private final BodyLimits limits;
    private final BodyTarget target;
    private final Set<MultipartFlag> flags = EnumSet.noneOf(MultipartFlag.class);

    private String boundary;
    private final byte[] buf = new byte[BUF_SIZE];
    private int bufLen;
    private boolean bufContainsLine = true;
    private Part part;
    private boolean inPartData;
    private int boundaryCount;
    private int partCount;
    private long nonFileBytes; // bytes scanned outside file contents, for SecRequestBodyNoFilesLimit
    private boolean fileChunk; // whether the chunk just processed was file contents
    private boolean complete;
    private boolean seenCrlfLine;
    private boolean seenLfLine;
    private byte[] reserve = new byte[0];
    private String lastName;
    private String lastFileName;

    MultipartParser(byte[] body, int length, BodyLimits limits, BodyTarget target) {
        this.body = body;
        this.length = length;
        this.limits = limits;
        this.target = target;
    }

    /** A part being built. */
    private static final class Part {
        final Map<String, Header> headers = new HashMap<>();
        final List<Header> order = new ArrayList<>();
        Header lastHeader;
        String name;
        String fileName;
        boolean file;
        final StringBuilder value = new StringBuilder();
        long size;
    }

    /** One part header: its name, folded value and the raw line as MULTIPART_PART_HEADERS shows it. */
    private static final class Header {
        final String name;
        String value;
        String line;

        Header(String name, String value, String line) {
            this.name = name;
            this.value = value;
            this.line = line;
        }
    }

    /** Signals a fatal parse error; caught in {@link #run}. */
    private static final class ParseError extends Exception {
        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    void run(String contentType) {
        try {
            try {
                init(contentType);
            } catch (ParseError e) {
                target.error("Multipart parsing error (init): " + e.getMessage());
                return;
            }
            try {
                if (scan()) {
                    finish();
                }
            } catch (ParseError e) {
                target.error("Multipart parsing error: " + e.getMessage());
            }
        } finally {
            reportFlags();
            if (lastName != null || lastFileName != null) {
                target.multipartNames(lastName == null ? "" : lastName, lastFileName == null ? "" : lastFileName);
            }
        }
    }

    private void reportFlags() {
        if (seenLfLine) {
            flags.add(MultipartFlag.LF_LINE);
            if (seenCrlfLine) {
                flags.add(MultipartFlag.CRLF_LF_LINES);
            }
        }
        for (MultipartFlag flag : flags) {
            target.multipartFlag(flag);
        }
    }

    // ---------------------------------------------------------------- Content-Type

    private void init(String contentType) throws ParseError {
        if (contentType == null || contentType.isEmpty()) {
            throw new ParseError("Multipart: Content-Type header not available.");
        }
        if (contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw new ParseError("Multipart: Invalid boundary in C-T (length).");
        }
        if (!contentType.regionMatches(true, 0, MIME_TYPE, 0, MIME_TYPE.length())) {
            throw new ParseError("Multipart: Invalid MIME type.");
        }
        if (countBoundaryParams(contentType) > 1) {
            throw new ParseError("Multipart: Multiple boundary parameters in C-T.");
        }
        int at = contentType.indexOf("boundary");
        if (at < 0) {
            if (countBoundaryParams(contentType) > 0) {
                throw new ParseError("Multipart: Invalid boundary in C-T (case sensitivity).");
            }
            throw new ParseError("Multipart: Boundary not found in C-T.");
        }
        boolean seenSemicolon = false;
        for (int i = MIME_TYPE.length(); i < at; i++) {
            char c = contentType.charAt(i);
            if (!isSpace(c)) {
                if (!seenSemicolon && c == ';') {
                    seenSemicolon = true;
                } else {
                    throw new ParseError("Multipart: Invalid boundary in C-T (malformed).");
                }
            }
        }
        if (!seenSemicolon) {
            flags.add(MultipartFlag.MISSING_SEMICOLON);
        }
        int eq = contentType.indexOf('=', at + 8);
        if (eq < 0) {
            throw new ParseError("Multipart: Invalid boundary in C-T (malformed).");
        }
        for (int i = at + 8; i < eq; i++) {
            if (isSpace(contentType.charAt(i))) {
                flags.add(MultipartFlag.BOUNDARY_WHITESPACE);
            } else {
                throw new ParseError("Multipart: Invalid boundary in C-T (parameter name).");
            }
        }
        String value = contentType.substring(eq + 1);
        if (!value.isEmpty() && isSpace(value.charAt(0))) {
            flags.add(MultipartFlag.BOUNDARY_WHITESPACE);
        }
        int len = value.length();
        if (len >= 2 && value.charAt(0) == '"' && value.charAt(len - 1) == '"') {
            boundary = value.substring(1, len - 1);
            flags.add(MultipartFlag.BOUNDARY_QUOTED);
        } else {
            if (len >= 1 && (value.charAt(0) == '"' || value.charAt(len - 1) == '"')) {
                throw new ParseError("Multipart: Invalid boundary in C-T (quote).");
            }
            boundary = value;
        }
        if (countBoundaryParams(boundary) != 0) {
            throw new ParseError("Multipart: Invalid boundary in C-T (content).");
        }
        if (!boundaryCharactersValid(boundary)) {
            throw new ParseError("Multipart: Invalid boundary in C-T (characters).");
        }
        if (boundary.isEmpty()) {
            throw new ParseError("Multipart: Invalid boundary in C-T (empty).");
        }
    }

    /** How often "boundary" (any case) appears with an '=' somewhere after it. */
    static int countBoundaryParams(String s) {
        String lower = asciiLower(s);
        int count = 0;
        int from = 0;
        int lastEq = lower.lastIndexOf('=');
        while (true) {
            int at = lower.indexOf("boundary", from);
            if (at < 0) {
                return count;
            }
            from = at + 8;
            if (lastEq >= from) {
                count++;
            }
        }
    }

    /** RFC 2046 boundary characters; a space is allowed but not last. */
    static boolean boundaryCharactersValid(String b) {
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c == ' ' && i + 1 < b.length())
                    || "'()+_,-./:=?".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- body scan

    /** Scans the body; false when it stopped at the limit on bytes outside file contents. */
    private boolean scan() throws ParseError {
        int pos = 0;
        while (pos < length) {
            byte c = body[pos];
            boolean processBuffer = false;
            if (c == '\r' && bufLen == BUF_SIZE - 1) {
                // Never end a chunk on CR, so that a CRLF is always seen whole.
                processBuffer = true;
            } else {
                buf[bufLen++] = c;
                pos++;
            }
            if (c == '\n' || bufLen == BUF_SIZE || processBuffer) {
                fileChunk = false;
                processChunk(processBuffer);
                if (!fileChunk) {
                    nonFileBytes += bufLen;
                    if (nonFileBytes > limits.maxNonFileBytes()) {
                        target.noFilesLimitExceeded(limits.maxNonFileBytes());
                        return false;
                    }
                }
                bufLen = 0;
                bufContainsLine = c == '\n' && !processBuffer;
            }
            if (complete && pos < length) {
                flags.add(MultipartFlag.DATA_AFTER);
                return true;
            }
        }
        return true;
    }

    private void processChunk(boolean processBuffer) throws ParseError {
        boolean processedAsBoundary = false;
        int blen = boundary.length();
        if (bufContainsLine && bufLen > 3 && buf[0] == '-' && buf[1] == '-') {
            if (bufLen >= blen + 2 && bufMatches(2, boundary)) {
                int end = 2 + blen;
                boolean isFinal = false;
                if (at(end) == '-' && at(end + 1) == '-') {
                    isFinal = true;
                    end += 2;
                    if (complete) {
                        throw new ParseError("Multipart: Invalid boundary (final duplicate).");
                    }
                }
                if (at(end) == '\r' && at(end + 1) == '\n' && end + 2 == bufLen) {
                    seenCrlfLine = true;
                } else if (at(end) == '\n' && end + 1 == bufLen) {
                    seenLfLine = true;
                } else {
                    throw new ParseError("Multipart: Invalid boundary: " + chunkText() + ".");
                }
                processBoundary(isFinal);
                if (isFinal) {
                    complete = true;
                }
                processedAsBoundary = true;
                boundaryCount++;
            } else {
                if (flags.contains(MultipartFlag.BOUNDARY_QUOTED) && bufLen >= blen + 3 && buf[2] == '"'
                        && bufMatches(3, boundary)) {
                    throw new ParseError("Multipart: Invalid boundary (quotes).");
                }
                int p = 2;
                while (p < bufLen && isSpace((char) (buf[p] & 0xFF))) {
                    p++;
                }
                if (p != 2 && bufMatches(p, boundary)) {
                    throw new ParseError("Multipart: Invalid boundary (whitespace).");
                }
                flags.add(MultipartFlag.UNMATCHED_BOUNDARY);
            }
        } else if (bufContainsLine) {
            // Something resembling our boundary inside a line.
            for (int i = 0; i + 1 < bufLen; i++) {
                if (buf[i] == '-' && buf[i + 1] == '-' && bufMatches(i + 2, boundary)) {
                    flags.add(MultipartFlag.UNMATCHED_BOUNDARY);
                    break;
                }
            }
        }
        if (processedAsBoundary) {
            return;
        }
        if (part == null) {
            flags.add(MultipartFlag.DATA_BEFORE);
        } else if (!inPartData) {
            if (bufLen == BUF_SIZE || processBuffer) {
                throw new ParseError("Multipart: Part header line over " + BUF_SIZE + " bytes long");
            }
            processPartHeader();
        } else {
            fileChunk = part.file;
            processPartData();
        }
    }

    private int at(int i) {
        return i < bufLen ? buf[i] & 0xFF : 0;
    }

    private boolean bufMatches(int offset, String s) {
        if (offset + s.length() > bufLen) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ((buf[offset + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String chunkText() {
        return latin1(buf, 0, bufLen);
    }

    private void processBoundary(boolean last) throws ParseError {
        if (part != null) {
            if (part.name != null) {
                if (part.file) {
                    target.file(part.name, part.fileName, part.size);
                } else {
                    target.argument(part.name, part.value.toString());
                }
            } else {
                flags.add(MultipartFlag.INVALID_PART);
            }
            part = null;
        }
        if (!last) {
            if (partCount >= Math.max(0, limits.maxParts())) {
                throw new ParseError("Multipart: Too many parts (limit " + limits.maxParts() + ").");
            }
            partCount++;
            part = new Part();
            inPartData = false;
            reserve = new byte[0];
        }
    }

    private void finish() throws ParseError {
        if (length == 0 || complete) {
            return;
        }
        if (boundaryCount == 0) {
            throw new ParseError("Multipart: No boundaries found in payload.");
        }
        int blen = boundary.length();
        if (bufContainsLine && bufLen == 4 + blen && buf[0] == '-' && buf[1] == '-' && bufMatches(2, boundary)
                && buf[2 + blen] == '-' && buf[3 + blen] == '-') {
            processBoundary(true);
            complete = true;
            return;
        }
        throw new ParseError("Multipart: Final boundary missing.");
    }

    // ---------------------------------------------------------------- part headers

    private void processPartHeader() throws ParseError {
        for (int i = 0; i < bufLen; i++) {
            if (buf[i] == 0) {
                throw new ParseError("Multipart: Nul byte in part headers.");
            }
        }
        if (bufLen > 1 && buf[bufLen - 2] == '\r') {
            seenCrlfLine = true;
        } else {
            seenLfLine = true;
        }
        if ((bufLen == 2 && buf[0] == '\r' && buf[1] == '\n') || (bufLen == 1 && buf[0] == '\n')) {
            endOfPartHeaders();
            return;
        }
        String line = chomp(chunkText());
        char first = line.isEmpty() ? '\n' : line.charAt(0);
        if (isSpace(first) || line.isEmpty()) {
            flags.add(MultipartFlag.HEADER_FOLDING);
            int start = 0;
            while (start < line.length() && isSpace(line.charAt(start))) {
                if (line.charAt(start) != '\t' && line.charAt(start) != ' ') {
                    flags.add(MultipartFlag.INVALID_HEADER_FOLDING);
                }
                start++;
            }
            if (part.lastHeader == null) {
                throw new ParseError("Multipart: Invalid part header (folding error).");
            }
            String continuation = line.substring(start);
            Header header = part.lastHeader;
            header.value = header.value + " " + continuation;
            header.line = header.line + " " + continuation;
            if (header.value.length() > BUF_SIZE) {
                throw new ParseError("Multipart: Part header too long.");
            }
            return;
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new ParseError("Multipart: Invalid part header (colon missing): " + line + ".");
        }
        if (colon == 0) {
            throw new ParseError("Multipart: Invalid part header (header name missing).");
        }
        String name = line.substring(0, colon);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126) {
                throw new ParseError("Multipart: Invalid part header (contains invalid character).");
            }
        }
        int v = colon + 1;
        while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) {
            v++;
        }
        String key = asciiLower(name);
        if (part.headers.containsKey(key)) {
            throw new ParseError("Multipart: Duplicate part header: " + name + ".");
        }
        if (part.order.size() >= MAX_HEADERS_PER_PART) {
            throw new ParseError("Multipart: Too many part headers (limit " + MAX_HEADERS_PER_PART + ").");
        }
        Header header = new Header(name, line.substring(v), line);
        part.headers.put(key, header);
        part.order.add(header);
        part.lastHeader = header;
    }

    private void endOfPartHeaders() throws ParseError {
        Header disposition = part.headers.get("content-disposition");
        if (disposition == null) {
            throw new ParseError("Multipart: Part missing Content-Disposition header.");
        }
        String value = disposition.value;
        int rc = parseContentDisposition(value);
        if (rc < 0) {
            throw new ParseError("Multipart: Invalid Content-Disposition header (" + rc + "): " + value + ".");
        }
        if (part.name == null) {
            throw new ParseError("Multipart: Content-Disposition header missing name field.");
        }
        if (part.fileName != null) {
            // Catch parsers that extract name/filename crudely and would miss what we understood.
            if (!value.contains("filename=")) {
                throw new ParseError("Multipart: Invalid Content-Disposition header (filename).");
            }
            part.file = true;
        }
        for (Header header : part.order) {
            target.multipartPartHeader(part.name, header.line);
        }
        inPartData = true;
        part.lastHeader = null;
    }

    /** ModSecurity's Content-Disposition parser; negative return codes are its error codes. */
    private int parseContentDisposition(String cd) {
        if (!cd.startsWith("form-data")) {
            return -1;
        }
        int n = cd.length();
        int p = 9;
        while (p < n && isTabOrSpace(cd.charAt(p))) {
            p++;
        }
        if (p == n) {
            return 1;
        }
        if (cd.charAt(p) != ';') {
            return -2;
        }
        p++;
        while (p < n) {
            while (p < n && isTabOrSpace(cd.charAt(p))) {
                p++;
            }
            if (p == n) {
                return -3;
            }
            int start = p;
            while (p < n && cd.charAt(p) != '=' && !isTabOrSpace(cd.charAt(p))) {
                p++;
            }
            if (p == n) {
                return -4;
            }
            String paramName = cd.substring(start, p);
            while (p < n && isTabOrSpace(cd.charAt(p))) {
                p++;
            }
            if (p == n) {
                return -5;
            }
            if (cd.charAt(p) != '=') {
                return -13;
            }
            p++;
            while (p < n && isTabOrSpace(cd.charAt(p))) {
                p++;
            }
            if (p == n) {
                return -6;
            }
            String paramValue;
            char q = cd.charAt(p);
            if (q == '"' || q == '\'') {
                if (q == '\'') {
                    flags.add(MultipartFlag.INVALID_QUOTING);
                }
                p++;
                if (p == n) {
                    return -7;
                }
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                while (p < n) {
                    char c = cd.charAt(p);
                    if (c == '\\') {
                        if (p + 1 == n) {
                            return -8;
                        }
                        char next = cd.charAt(p + 1);
                        // Only the quote and backslash can be escaped; other escapes are kept (IE sends them).
                        if (next == q || next == '\\') {
                            p++;
                        }
                    } else if (c == q) {
                        closed = true;
                        break;
                    }
                    sb.append(cd.charAt(p));
                    p++;
                }
                if (!closed) {
                    return -10;
                }
                p++;
                paramValue = sb.toString();
            } else {
                start = p;
                while (p < n && isTokenChar(cd.charAt(p))) {
                    p++;
                }
                paramValue = cd.substring(start, p);
            }
            if (paramName.equals("name")) {
                validateQuotes(paramValue);
                lastName = paramValue;
                if (part.name != null) {
                    return -14;
                }
                part.name = paramValue;
            } else if (paramName.equals("filename")) {
                validateQuotes(paramValue);
                lastFileName = paramValue;
                if (part.fileName != null) {
                    return -15;
                }
                part.fileName = paramValue;
            } else {
                return -11;
            }
            if (p < n) {
                while (p < n && isTabOrSpace(cd.charAt(p))) {
                    p++;
                }
                if (p == n) {
                    return 1;
                }
                if (cd.charAt(p) != ';') {
                    char before = cd.charAt(p - 1);
                    if (before == '\'' || before == '"') {
                        flags.add(MultipartFlag.INVALID_QUOTING);
                    }
                    return -12;
                }
                p++;
            }
        }
        return 1;
    }

    private void validateQuotes(String value) {
        if (value.indexOf('\'') >= 0) {
            flags.add(MultipartFlag.INVALID_QUOTING);
        }
    }

    // ---------------------------------------------------------------- part data

    private void processPartData() {
        int dataLen = bufLen;
        byte[] newReserve;
        if (dataLen >= 2 && buf[dataLen - 2] == '\r' && buf[dataLen - 1] == '\n') {
            newReserve = new byte[] {'\r', '\n'};
            dataLen -= 2;
        } else if (dataLen >= 1 && buf[dataLen - 1] == '\n') {
            newReserve = new byte[] {'\n'};
            dataLen -= 1;
        } else {
            newReserve = new byte[0];
        }
        // The line break before a boundary belongs to the boundary, so it is held back until more data comes.
        if (part.file) {
            part.size += reserve.length + dataLen;
        } else {
            part.value.append(latin1(reserve, 0, reserve.length)).append(latin1(buf, 0, dataLen));
        }
        reserve = newReserve;
    }

    // ---------------------------------------------------------------- helpers

    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isTabOrSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isTokenChar(char c) {
        if (c <= 32 || c >= 127) {
            return false;
        }
        return "()<>@,;:\\\"/[]?=".indexOf(c) < 0;
    }

    private static String chomp(String s) {
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '\n') {
            n--;
            if (n > 0 && s.charAt(n - 1) == '\r') {
                n--;
            }
        }
        return s.substring(0, n);
    }

    static String asciiLower(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = (char) (c + 32);
            }
        }
        return out == null ? s : new String(out);
    }

    private static String latin1(byte[] bytes, int from, int len) {
        return new String(bytes, from, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
