package dev.parapet.variables;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SecLang variables Parapet knows. A {@link Kind#COLLECTION} holds key/value pairs and accepts a
 * selector ({@code ARGS:name}, {@code ARGS:/regex/}); a {@link Kind#SCALAR} holds at most one value.
 */
public enum Variable {
    // Request line and URI
    REQUEST_METHOD(Kind.SCALAR),
    REQUEST_URI(Kind.SCALAR),
    REQUEST_URI_RAW(Kind.SCALAR),
    REQUEST_FILENAME(Kind.SCALAR),
    REQUEST_BASENAME(Kind.SCALAR),
    REQUEST_LINE(Kind.SCALAR),
    REQUEST_PROTOCOL(Kind.SCALAR),
    QUERY_STRING(Kind.SCALAR),
    PATH_INFO(Kind.SCALAR),
    // Connection
    REMOTE_ADDR(Kind.SCALAR),
    REMOTE_HOST(Kind.SCALAR),
    REMOTE_PORT(Kind.SCALAR),
    REMOTE_USER(Kind.SCALAR),
    SERVER_ADDR(Kind.SCALAR),
    SERVER_NAME(Kind.SCALAR),
    SERVER_PORT(Kind.SCALAR),
    UNIQUE_ID(Kind.SCALAR),
    AUTH_TYPE(Kind.SCALAR),
    // Arguments
    ARGS(Kind.COLLECTION),
    ARGS_NAMES(Kind.COLLECTION),
    ARGS_GET(Kind.COLLECTION),
    ARGS_GET_NAMES(Kind.COLLECTION),
    ARGS_POST(Kind.COLLECTION),
    ARGS_POST_NAMES(Kind.COLLECTION),
    ARGS_COMBINED_SIZE(Kind.SCALAR),
    // Headers and cookies
    REQUEST_HEADERS(Kind.COLLECTION),
    REQUEST_HEADERS_NAMES(Kind.COLLECTION),
    REQUEST_COOKIES(Kind.COLLECTION),
    REQUEST_COOKIES_NAMES(Kind.COLLECTION),
    // Body
    REQUEST_BODY(Kind.SCALAR),
    REQUEST_BODY_LENGTH(Kind.SCALAR),
    REQBODY_PROCESSOR(Kind.SCALAR),
    REQBODY_ERROR(Kind.SCALAR),
    REQBODY_ERROR_MSG(Kind.SCALAR),
    REQBODY_PROCESSOR_ERROR(Kind.SCALAR),
    REQBODY_PROCESSOR_ERROR_MSG(Kind.SCALAR),
    INBOUND_DATA_ERROR(Kind.SCALAR),
    URLENCODED_ERROR(Kind.SCALAR),
    XML(Kind.COLLECTION),
    FILES(Kind.COLLECTION),
    FILES_NAMES(Kind.COLLECTION),
    FILES_SIZES(Kind.COLLECTION),
    FILES_COMBINED_SIZE(Kind.SCALAR),
    FILES_TMPNAMES(Kind.COLLECTION),
    FILES_TMP_CONTENT(Kind.COLLECTION),
    MULTIPART_PART_HEADERS(Kind.COLLECTION),
    MULTIPART_FILENAME(Kind.SCALAR),
    MULTIPART_NAME(Kind.SCALAR),
    MULTIPART_STRICT_ERROR(Kind.SCALAR),
    MULTIPART_BOUNDARY_QUOTED(Kind.SCALAR),
    MULTIPART_BOUNDARY_WHITESPACE(Kind.SCALAR),
    MULTIPART_DATA_BEFORE(Kind.SCALAR),
    MULTIPART_DATA_AFTER(Kind.SCALAR),
    MULTIPART_HEADER_FOLDING(Kind.SCALAR),
    MULTIPART_LF_LINE(Kind.SCALAR),
    MULTIPART_CRLF_LF_LINES(Kind.SCALAR),
    MULTIPART_MISSING_SEMICOLON(Kind.SCALAR),
    MULTIPART_INVALID_QUOTING(Kind.SCALAR),
    MULTIPART_INVALID_PART(Kind.SCALAR),
    MULTIPART_INVALID_HEADER_FOLDING(Kind.SCALAR),
    MULTIPART_FILE_LIMIT_EXCEEDED(Kind.SCALAR),
    MULTIPART_UNMATCHED_BOUNDARY(Kind.SCALAR),
    FULL_REQUEST(Kind.SCALAR),
    FULL_REQUEST_LENGTH(Kind.SCALAR),
    // Response
    RESPONSE_STATUS(Kind.SCALAR),
    RESPONSE_PROTOCOL(Kind.SCALAR),
    RESPONSE_HEADERS(Kind.COLLECTION),
    RESPONSE_HEADERS_NAMES(Kind.COLLECTION),
    RESPONSE_BODY(Kind.SCALAR),
    RESPONSE_CONTENT_TYPE(Kind.SCALAR),
    RESPONSE_CONTENT_LENGTH(Kind.SCALAR),
    STATUS_LINE(Kind.SCALAR),
    OUTBOUND_DATA_ERROR(Kind.SCALAR),
    // Engine state
    TX(Kind.COLLECTION),
    IP(Kind.COLLECTION),
    GLOBAL(Kind.COLLECTION),
    SESSION(Kind.COLLECTION),
    USER(Kind.COLLECTION),
    RESOURCE(Kind.COLLECTION),
    ENV(Kind.COLLECTION),
    RULE(Kind.COLLECTION),
    GEO(Kind.COLLECTION),
    MATCHED_VAR(Kind.SCALAR),
    MATCHED_VAR_NAME(Kind.SCALAR),
    MATCHED_VARS(Kind.COLLECTION),
    MATCHED_VARS_NAMES(Kind.COLLECTION),
    HIGHEST_SEVERITY(Kind.SCALAR),
    DURATION(Kind.SCALAR),
    TIME(Kind.SCALAR),
    TIME_DAY(Kind.SCALAR),
    TIME_EPOCH(Kind.SCALAR),
    TIME_HOUR(Kind.SCALAR),
    TIME_MIN(Kind.SCALAR),
    TIME_MON(Kind.SCALAR),
    TIME_SEC(Kind.SCALAR),
    TIME_WDAY(Kind.SCALAR),
    TIME_YEAR(Kind.SCALAR),
    WEBSERVER_ERROR_LOG(Kind.SCALAR),
    SESSIONID(Kind.SCALAR),
    USERID(Kind.SCALAR),
    WEBAPPID(Kind.SCALAR);

    /** Whether a variable holds one value or key/value pairs. */
    public enum Kind { SCALAR, COLLECTION }

    private static final Map<String, Variable> BY_NAME = new HashMap<>();

    static {
        for (Variable v : values()) {
            BY_NAME.put(v.name(), v);
        }
    }

    private final Kind kind;

    Variable(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCollection() {
        return kind == Kind.COLLECTION;
    }

    /** Looks a variable up by its SecLang name, case-insensitively. */
    public static Optional<Variable> lookup(String name) {
        Variable v = BY_NAME.get(name);
        return Optional.ofNullable(v != null ? v : BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }
}
