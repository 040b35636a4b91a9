package dev.parapet.bodyprocessors;

/**
 * Bounds applied while parsing a request body.
 *
 * @param maxArguments most arguments to add ({@code SecArgumentsLimit}); more set an error
 * @param maxJsonDepth deepest JSON nesting accepted ({@code SecRequestBodyJsonDepthLimit})
 * @param maxParts most multipart parts accepted
 */
public record BodyLimits(int maxArguments, int maxJsonDepth, int maxParts) {

    /** ModSecurity's recommended defaults: 1000 arguments, depth 512, 1000 parts. */
    public static final BodyLimits DEFAULTS = new BodyLimits(1000, 512, 1000);
}
