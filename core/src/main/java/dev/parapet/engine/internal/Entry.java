package dev.parapet.engine.internal;

/**
 * One key/value pair of a collection. Keys are compared case-insensitively through {@link #keyLower}.
 *
 * @param key the key as received
 * @param keyLower the key in lower case
 * @param value the value (a byte string)
 */
public record Entry(String key, String keyLower, String value) {

    public static Entry of(String key, String value) {
        return new Entry(key, Ascii.lower(key), value);
    }
}
