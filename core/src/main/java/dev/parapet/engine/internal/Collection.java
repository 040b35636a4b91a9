package dev.parapet.engine.internal;

import java.util.ArrayList;
import java.util.List;

/** The key/value pairs of one collection variable, in arrival order (keys may repeat). */
public final class Collection {

    private final ArrayList<Entry> entries = new ArrayList<>();
    /** Literal-screen unions of the entries by transformation pipeline; dropped whenever an entry changes. */
    private int[] unions; // arena offset + 1 by pipeline id, 0 when not computed

    public void add(String key, String value) {
        entries.add(Entry.of(key, value));
        unions = null;
    }

    public void add(Entry e) {
        entries.add(e);
        unions = null;
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        unions = null;
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
        unions = null;
    }

    /** Removes every value under {@code key}. */
    public void remove(String key) {
        String lower = Ascii.lower(key);
        entries.removeIf(e -> e.keyLower().equals(lower));
        unions = null;
    }

    /**
     * Where the literal-screen union of the entries' values after {@code pipeline} is in the transaction's
     * screen arena (see {@link dev.parapet.operators.internal.LiteralScreen#newUnion}), or -1 when not computed
     * since the last change.
     */
    public int union(TransformPipeline pipeline) {
        return unions == null ? -1 : unions[pipeline.id()] - 1;
    }

    /**
     * Remembers a union until the next change of the collection.
     *
     * @param pipelines how many pipelines the program has
     */
    public void union(TransformPipeline pipeline, int at, int pipelines) {
        if (unions == null) {
            unions = new int[pipelines];
        }
        unions[pipeline.id()] = at + 1;
    }
}
