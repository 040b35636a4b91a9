package dev.parapet.bodyprocessors;

/**
 * Receives what a {@link BodyProcessor} parses. Every value is a byte string (one byte per
 * {@code char}, ISO-8859-1 view), names included.
 */
public interface BodyTarget {

    /** A body argument: becomes {@code ARGS_POST:name} (and so {@code ARGS:name}). */
    void argument(String name, String value);

    /**
     * An uploaded file of a multipart body: {@code FILES:field=filename}, {@code FILES_NAMES},
     * {@code FILES_SIZES:field=size}, {@code FILES_COMBINED_SIZE}.
     */
    void file(String fieldName, String fileName, long size);

    /** One header line of a multipart part: {@code MULTIPART_PART_HEADERS:partName=line}. */
    void multipartPartHeader(String partName, String headerLine);

    /** A multipart anomaly: sets the matching {@code MULTIPART_*} variable to 1. */
    void multipartFlag(MultipartFlag flag);

    /** The multipart boundary's name/filename of the last part, for MULTIPART_NAME / MULTIPART_FILENAME. */
    default void multipartNames(String name, String fileName) {
    }

    /**
     * An XML document: the text of every element ({@code XML:/*}) and the value of every attribute
     * ({@code XML://@*}).
     */
    void xml(String elementText, java.util.List<String> attributeValues);

    /**
     * A multipart body holds more than {@link BodyLimits#maxNonFileBytes()} bytes outside file contents; what
     * came before the limit has been reported, the rest is not parsed.
     */
    default void noFilesLimitExceeded(long limit) {
    }

    /** The body is malformed: sets {@code REQBODY_ERROR=1} and {@code REQBODY_ERROR_MSG}. */
    void error(String message);
}
