package dev.parapet.operators.internal;

/**
 * Linear-time substring search (Knuth–Morris–Pratt) over byte strings, so that an attacker-chosen
 * haystack and a long needle cannot cause quadratic work. Immutable; build once per needle.
 */
public final class TextSearch {

    private final String needle;
    private final int[] border;

    private TextSearch(String needle) {
        this.needle = needle;
        this.border = new int[needle.length()];
        int k = 0;
        for (int i = 1; i < needle.length(); i++) {
            while (k > 0 && needle.charAt(i) != needle.charAt(k)) {
                k = border[k - 1];
            }
            if (needle.charAt(i) == needle.charAt(k)) {
                k++;
            }
            border[i] = k;
        }
    }

    /** Prepares a search for {@code needle}. */
    public static TextSearch of(String needle) {
        return new TextSearch(needle);
    }

    /** The needle. */
    public String needle() {
        return needle;
    }

    /** Index of the first occurrence in {@code haystack} at or after {@code from}, or -1. */
    public int indexIn(String haystack, int from) {
        int m = needle.length();
        if (m == 0) {
            return from <= haystack.length() ? from : -1;
        }
        int k = 0;
        for (int i = Math.max(from, 0); i < haystack.length(); i++) {
            char c = haystack.charAt(i);
            while (k > 0 && c != needle.charAt(k)) {
                k = border[k - 1];
            }
            if (c == needle.charAt(k)) {
                k++;
            }
            if (k == m) {
                return i - m + 1;
            }
        }
        return -1;
    }

    /**
     * Whether some occurrence in {@code haystack} satisfies {@code accept} (given its start index). Visits
     * overlapping occurrences left to right in one linear pass.
     */
    public boolean anyOccurrence(String haystack, java.util.function.IntPredicate accept) {
        int m = needle.length();
        if (m == 0) {
            for (int i = 0; i <= haystack.length(); i++) {
                if (accept.test(i)) {
                    return true;
                }
            }
            return false;
        }
        int k = 0;
        for (int i = 0; i < haystack.length(); i++) {
            char c = haystack.charAt(i);
            while (k > 0 && c != needle.charAt(k)) {
                k = border[k - 1];
            }
            if (c == needle.charAt(k)) {
                k++;
            }
            if (k == m) {
                if (accept.test(i - m + 1)) {
                    return true;
                }
                k = border[m - 1];
            }
        }
        return false;
    }

    /** One-shot linear search for {@code needle} in {@code haystack}. */
    public static int indexOf(String haystack, String needle) {
        return new TextSearch(needle).indexIn(haystack, 0);
    }
}
