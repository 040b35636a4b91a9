package dev.parapet.operators.libinjection;

import java.util.List;

/**
 * An immutable set of upper-case keys, looked up by a region of a string compared with only ASCII
 * letters case-folded (libinjection's {@code cstrcasecmp}). Lookups read the region in place: the
 * detectors run for every argument of every request, and upper-casing each word into a new string
 * used to be most of what they allocated.
 *
 * <p>Keys are numbered in the order given; callers keep any values in arrays indexed by that
 * number. Open addressing over a power-of-two slot array, at most half full; each slot holds the
 * key's hash next to its number, so a probe for a word that is no key (the common case) reads
 * only the slot array and never a key string.
 */
final class AsciiCaseInsensitiveTable {

    static final int NOT_FOUND = -1;

    private final String[] keys;
    /** Per slot: the key's hash in the high half, its number + 1 in the low half; 0 is empty. */
    private final long[] slots;
    private final int mask;
    private final int longestKey;

    private AsciiCaseInsensitiveTable(String[] keys) {
        this.keys = keys;
        int capacity = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        int longest = 0;
        for (String key : keys) {
            longest = Math.max(longest, key.length());
        }
        this.longestKey = longest;
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k];
            if (indexOf(key, 0, key.length()) != NOT_FOUND) {
                throw new IllegalArgumentException("duplicate key " + key);
            }
            int hash = hash(key, 0, key.length());
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) hash << 32 | (k + 1);
        }
    }

    /**
     * A table of {@code keys}, numbered in list order. A key holding a lower-case ASCII letter is
     * accepted but can never be found, as in a table of upper-cased words.
     */
    static AsciiCaseInsensitiveTable of(List<String> keys) {
        return new AsciiCaseInsensitiveTable(keys.toArray(String[]::new));
    }

    int size() {
        return keys.length;
    }

    String key(int number) {
        return keys[number];
    }

    int longestKey() {
        return longestKey;
    }

    /** ASCII upper case: only a-z change. */
    static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    /** The hash of a region extended by one more char; start from 0. */
    static int extendHash(int hash, char c) {
        return hash * 31 + upper(c);
    }

    private static int hash(String s, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) {
            h = extendHash(h, s.charAt(i));
        }
        return h;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The number of the key equal to {@code s[from, from + length)}, or {@link #NOT_FOUND}. */
    int indexOf(String s, int from, int length) {
        if (length > longestKey) {
            return NOT_FOUND;
        }
        return indexOfHashed(hash(s, from, length), s, from, length);
    }

    /**
     * As {@link #indexOf(String, int, int)} with the region's hash already computed by
     * {@link #extendHash(int, char)}, for callers that try growing prefixes.
     */
    int indexOfHashed(int hash, String s, int from, int length) {
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return NOT_FOUND;
            }
            if ((int) (entry >>> 32) == hash) {
                String key = keys[(int) entry - 1];
                if (key.length() == length && regionEquals(key, 0, s, from, length)) {
                    return (int) entry - 1;
                }
            }
        }
    }

    /**
     * The number of the key equal to the phrase {@code first + ' ' + second} (two regions joined by
     * one space), or {@link #NOT_FOUND}.
     */
    int indexOfPhrase(String first, int firstFrom, int firstLength, String second, int secondFrom, int secondLength) {
        int length = firstLength + 1 + secondLength;
        if (length > longestKey) {
            return NOT_FOUND;
        }
        int h = extendHash(hash(first, firstFrom, firstLength), ' ');
        for (int i = secondFrom; i < secondFrom + secondLength; i++) {
            h = extendHash(h, second.charAt(i));
        }
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return NOT_FOUND;
            }
            if ((int) (entry >>> 32) == h) {
                String key = keys[(int) entry - 1];
                if (key.length() == length && key.charAt(firstLength) == ' '
                        && regionEquals(key, 0, first, firstFrom, firstLength)
                        && regionEquals(key, firstLength + 1, second, secondFrom, secondLength)) {
                    return (int) entry - 1;
                }
            }
        }
    }

    /**
     * The number of the key equal to {@code s[from, from + length)} with its NUL chars removed
     * (libinjection's {@code cstrcasecmp_with_null}), or {@link #NOT_FOUND}. Stops reading once
     * the region holds more non-NUL chars than the longest key.
     */
    int indexOfIgnoringNul(String s, int from, int length) {
        int h = 0;
        int count = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c != 0) {
                if (++count > longestKey) {
                    return NOT_FOUND;
                }
                h = extendHash(h, c);
            }
        }
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) {
                return NOT_FOUND;
            }
            if ((int) (entry >>> 32) == h) {
                String key = keys[(int) entry - 1];
                if (key.length() == count && equalsIgnoringNul(key, s, from, length)) {
                    return (int) entry - 1;
                }
            }
        }
    }

    /** Whether {@code key[keyFrom, keyFrom + length)} equals the upper-cased {@code s[from, from + length)}. */
    private static boolean regionEquals(String key, int keyFrom, String s, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (key.charAt(keyFrom + i) != upper(s.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the key equals the region without its NULs; the caller checked the non-NUL count. */
    private static boolean equalsIgnoringNul(String key, String s, int from, int length) {
        int k = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c != 0 && key.charAt(k++) != upper(c)) {
                return false;
            }
        }
        return true;
    }
}
