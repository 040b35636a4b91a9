package dev.parapet.engine.internal;

/**
 * One key/value pair of a collection. Keys are compared case-insensitively through {@link #keyLower()}.
 * An entry belongs to one transaction, which also keeps the value's transformation results on it so they
 * are computed once however many rules read the value.
 */
public final class Entry {

    private final String key;
    private final String keyLower;
    private final String value;
    /** Transformation results by pipeline-prefix slot; owned by the transaction that made the entry. */
    String[] transformed;

    public Entry(String key, String keyLower, String value) {
        this.key = key;
        this.keyLower = keyLower;
        this.value = value;
    }

    public static Entry of(String key, String value) {
        return new Entry(key, Ascii.lower(key), value);
    }

    /** The key as received. */
    public String key() {
        return key;
    }

    /** The key in lower case. */
    public String keyLower() {
        return keyLower;
    }

    /** The value (a byte string). */
    public String value() {
        return value;
    }

    /** The transformation cache slots of this entry, created on first use. */
    public String[] transformSlots(int slots) {
        String[] t = transformed;
        if (t == null) {
            t = new String[slots];
            transformed = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
