package dev.parapet.bodyprocessors;

/**
 * The multipart anomalies ModSecurity reports as variables. Any of the "strict" ones also sets
 * {@code MULTIPART_STRICT_ERROR}.
 */
public enum MultipartFlag {
    BOUNDARY_QUOTED(true),
    BOUNDARY_WHITESPACE(true),
    DATA_BEFORE(true),
    DATA_AFTER(true),
    HEADER_FOLDING(true),
    LF_LINE(true),
    CRLF_LF_LINES(false),
    MISSING_SEMICOLON(true),
    INVALID_QUOTING(true),
    INVALID_PART(true),
    INVALID_HEADER_FOLDING(true),
    FILE_LIMIT_EXCEEDED(true),
    UNMATCHED_BOUNDARY(false);

    private final boolean strict;

    MultipartFlag(boolean strict) {
        this.strict = strict;
    }

    /** Whether this anomaly also raises {@code MULTIPART_STRICT_ERROR}. */
    public boolean strict() {
        return strict;
    }

    /** The SecLang variable name, e.g. {@code MULTIPART_LF_LINE}. */
    public String variableName() {
        return "MULTIPART_" + name();
    }
}
