package dev.parapet.engine.internal;

import dev.parapet.operators.internal.ScreenArena;
import java.util.ArrayList;
import java.util.List;

/** The key/value pairs of one collection variable, in arrival order (keys may repeat). */
public final class Collection {

    private final ArrayList<Entry> entries = new ArrayList<>();
    /**
     * Where this collection's per-pipeline memo is in the transaction's screen arena, or -1 when there is none
     * since the last change: one word per pipeline id, the offset + 1 of the literal-screen union of the entries
     * in the low half and the offset + 1 of their transformed nodes in the high half (0 when not computed).
     */
    private int memoAt = -1;

    public void add(String key, String value) {
        entries.add(Entry.of(key, value));
        memoAt = -1;
    }

    public void add(Entry e) {
        entries.add(e);
        memoAt = -1;
    }

    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        memoAt = -1;
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
        memoAt = -1;
    }

    /** Removes every value under {@code key}. */
    public void remove(String key) {
        String lower = Ascii.lower(key);
        entries.removeIf(e -> e.keyLower().equals(lower));
        memoAt = -1;
    }

    /**
     * Where the literal-screen union of the entries' values after {@code pipeline} is in {@code arena} (see
     * {@link dev.parapet.operators.internal.LiteralScreen#newUnion}), or -1 when not computed since the last
     * change.
     */
    public int union(TransformPipeline pipeline, ScreenArena arena) {
        return memoAt < 0 ? -1 : (int) arena.words()[memoAt + pipeline.id()] - 1;
    }

    /**
     * Where the entries' values after {@code pipeline} are, in entry order, in the transaction's scratch (see
     * {@link Scratch#node(int)}), or -1 when not computed since the last change.
     */
    public int transformedNodes(TransformPipeline pipeline, ScreenArena arena) {
        return memoAt < 0 ? -1 : (int) (arena.words()[memoAt + pipeline.id()] >>> 32) - 1;
    }

    /**
     * Remembers a union and the transformed nodes it was made of until the next change of the collection.
     *
     * @param pipelines how many pipelines the program has
     */
    public void union(TransformPipeline pipeline, int at, int nodesAt, int pipelines, ScreenArena arena) {
        if (memoAt < 0) {
            memoAt = arena.allocate(pipelines);
        }
        arena.words()[memoAt + pipeline.id()] = ((long) (nodesAt + 1) << 32) | (at + 1);
    }
}
