package dev.parapet.bodyprocessors;

/**
 * Parses a buffered request body into variables (ARGS_POST, FILES, XML, MULTIPART_*, …).
 *
 * <p>Implementations are stateless and thread-safe. They never throw for malformed input: they report
 * it with {@link BodyTarget#error(String)} (which sets {@code REQBODY_ERROR} and
 * {@code REQBODY_ERROR_MSG}) and keep what they could parse.
 */
@FunctionalInterface
public interface BodyProcessor {

    /**
     * Parses {@code body}.
     *
     * @param body the buffered bytes; only the first {@code length} bytes are valid
     * @param length number of valid bytes in {@code body}
     * @param contentType the request's Content-Type header value (may be {@code null})
     * @param limits bounds on what the processor may produce
     * @param target receives the parsed variables
     */
    void process(byte[] body, int length, String contentType, BodyLimits limits, BodyTarget target);
}
