package dev.parapet.engine.internal;

/**
 * One key/value pair of a collection. Keys are compared case-insensitively through {@link #keyLower()}.
 * An entry belongs to one transaction (it is not thread-safe), which also keeps the value's transformation
 * results on it so they are computed once however many rules read the value.
 */
public final class Entry {

    private final String key;
    private String keyLower; // computed on first use for entries made by of(): many are never selected by key
    private final String value;
    private ValueNode node;
    private String namePrefix; // the collection name the cached qualified name was made with
    private String name; // the value with its transformation and screen results, made on first use

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

    /** The value as a node of the owning transaction's value graph (transformation and screen results). */
    public ValueNode node() {
        ValueNode n = node;
        if (n == null) {
            n = new ValueNode(value);
            node = n;
        }
        return n;
    }

    /**
     * {@code prefix:key}, the name of this entry as a match variable of collection {@code prefix}, kept for the
     * next match (CRS's bookkeeping rules match the same TX variables over and over).
     */
    public String qualifiedName(String prefix) {
        if (namePrefix != prefix) {
            name = prefix + ":" + key;
            namePrefix = prefix;
        }
        return name;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
