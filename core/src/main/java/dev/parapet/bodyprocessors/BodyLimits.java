package dev.parapet.bodyprocessors;

/**
 * Bounds applied while parsing a request body.
 *
 * @param maxArguments most arguments to add ({@code SecArgumentsLimit}); more set an error
 * @param maxJsonDepth deepest JSON nesting accepted ({@code SecRequestBodyJsonDepthLimit})
 * @param maxParts most multipart parts accepted
 * @param maxNonFileBytes most bytes of a multipart body outside file contents ({@code SecRequestBodyNoFilesLimit}:
 *                        fields, part headers and boundaries); parsing stops past it and the processor reports
 *                        {@link BodyTarget#noFilesLimitExceeded}
 */
public record BodyLimits(int maxArguments, int maxJsonDepth, int maxParts, long maxNonFileBytes) {

    /** ModSecurity's recommended defaults: 1000 arguments, depth 512, 1000 parts, 128 KB outside files. */
    public static final BodyLimits DEFAULTS = new BodyLimits(1000, 512, 1000, 131_072);

    /** Limits without a bound on multipart bytes outside files. */
    public BodyLimits(int maxArguments, int maxJsonDepth, int maxParts) {
        this(maxArguments, maxJsonDepth, maxParts, Long.MAX_VALUE);
    }
}
