package dev.parapet.operators.internal;

import java.util.Arrays;

/**
 * Memory for {@link LiteralScreen} results: one growing array of words that results are carved from, so a
 * transaction's scans cost no allocation once its arena has grown, and the arena can be cleared and reused by
 * the next transaction. Results are addressed by their offset; the array may be replaced as it grows, so read
 * {@link #words()} again after any allocation. Not thread-safe: one transaction at a time.
 */
public final class ScreenArena {

    /** An arena this large is dropped rather than kept for the next transaction. */
    static final int MAX_RETAINED_WORDS = 1 << 16;

    private long[] words = new long[512];
    private int top;

    /** The backing words (valid until the next allocation). */
    public long[] words() {
        return words;
    }

    /** Carves out {@code n} zeroed words and returns their offset. */
    public int allocate(int n) {
        if (top + n > words.length) {
            words = Arrays.copyOf(words, Math.max(words.length * 2, top + n));
        }
        int at = top;
        top += n;
        return at;
    }

    /** Forgets every result, zeroing the used words for reuse. */
    public void clear() {
        Arrays.fill(words, 0, top, 0L);
        top = 0;
    }

    /** Whether the arena is small enough to keep for another transaction. */
    public boolean retainable() {
        return words.length <= MAX_RETAINED_WORDS;
    }
}
