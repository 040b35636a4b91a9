package dev.parapet.engine.internal;

import java.util.ArrayList;
import java.util.List;

/** The key/value pairs of one collection variable, in arrival order (keys may repeat). */
public final class Collection {

    private final ArrayList<Entry> entries = new ArrayList<>();

    public void add(String key, String value) {
        entries.add(Entry.of(key, value));
    }

    public void add(Entry e) {
        entries.add(e);
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
    }

    /** The first value under {@code key} (case-insensitive), or {@code null}. */
    public String first(String key) {
        String lower = Ascii.lower(key);
        for (Entry e : entries) {
            if (e.keyLower().equals(lower)) {
                return e.value();
            }
        }
        return null;
    }

    /** Replaces every value under {@code key} with one value. */
    public void put(String key, String value) {
        String lower = Ascii.lower(key);
        entries.removeIf(e -> e.keyLower().equals(lower));
        entries.add(new Entry(key, lower, value));
    }

    /** Removes every value under {@code key}. */
    public void remove(String key) {
        String lower = Ascii.lower(key);
        entries.removeIf(e -> e.keyLower().equals(lower));
    }
}
