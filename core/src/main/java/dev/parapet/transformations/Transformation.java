package dev.parapet.transformations;

/**
 * A ModSecurity transformation ({@code t:name}). Values are byte strings: each {@code char} holds one
 * byte (ISO-8859-1), so decoders produce bytes, never UTF-16 code units above 0xFF.
 *
 * <p>Implementations are stateless and thread-safe. {@link #apply} returns the very same instance when
 * it changes nothing, so callers can tell "changed" by identity ({@code result != input}) without
 * comparing strings.
 */
public interface Transformation {

    /** The name as written in SecLang, e.g. {@code urlDecodeUni}. */
    String name();

    /** Transforms {@code input}; returns {@code input} itself when the value is unchanged. */
    String apply(String input);
}
