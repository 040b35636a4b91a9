package dev.parapet.engine.internal;

/**
 * One key/value pair of a collection. Keys are compared case-insensitively through {@link #keyLower()}.
 * An entry belongs to one transaction (it is not thread-safe), which also keeps the value's transformation results on it so they
 * are computed once however many rules read the value.
 */
public final class Entry {

    private final String key;
    private String keyLower; // computed on first use for entries made by of(): many are never selected by key
    private final String value;
    /** Transformation results by pipeline-prefix slot; owned by the transaction that made the entry. */
    String[] transformed;
    /** Literal-screen results: index 0 for the value itself, 1 + slot for a transformation result. */
    long[][] screened;

    public Entry(String key, String keyLower, String value) {
        this.key = key;
        this.keyLower = keyLower;
        this.value = value;
    }

    public static Entry of(String key, String value) {
        return new Entry(key, null, value);
    }

    /** The key as received. */
    public String key() {
        return key;
    }

    /** The key in lower case. */
    public String keyLower() {
        String k = keyLower;
        if (k == null) {
            k = Ascii.lower(key);
            keyLower = k;
        }
        return k;
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

    /**
     * The literal-screen result already computed for {@code v}, the value at cache index {@code index} (0 for
     * the value itself, 1 + slot for a transformation result), or {@code null}. A transformation that changed
     * nothing returns the same string, so a result found for that string at another index is reused.
     */
    public long[] screened(int index, String v, int slots) {
        long[][] s = screened;
        if (s == null) {
            screened = new long[slots + 1][];
            return null;
        }
        long[] found = s[index];
        if (found != null) {
            return found;
        }
        if (v == value && s[0] != null) {
            return s[index] = s[0];
        }
        String[] t = transformed;
        if (t != null) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] == v && s[i + 1] != null) {
                    return s[index] = s[i + 1];
                }
            }
        }
        return null;
    }

    /** Remembers the literal-screen result for the value at cache index {@code index}. */
    public void screened(int index, long[] found) {
        screened[index] = found;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
