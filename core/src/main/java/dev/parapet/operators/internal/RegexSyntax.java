package dev.parapet.operators.internal;

/**
 * Structure of a pattern in SafeRE (java.util.regex) syntax, as {@link RequiredLiterals} and
 * {@link AnchoredSplit} read it: escapes and character classes (nested ones included) are skipped over.
 */
final class RegexSyntax {

    private RegexSyntax() {
    }

    /** The index of the {@code ]} closing the class at {@code open} (nested classes allowed), or -1. */
    static int classEnd(String p, int open) {
        int depth = 0;
        for (int k = open; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /**
     * The first {@code target} ({@code |} or {@code )}) at group depth 0 from {@code from}, or -1. A {@code )} at
     * depth 0 closes the group {@code from} lies in: it is the answer when looking for {@code )}, and ends the
     * search otherwise.
     */
    static int atDepthZero(String p, int from, char target) {
        int depth = 0;
        for (int k = from; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = classEnd(p, k);
                if (k < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return target == ')' ? k : -1;
                }
                depth--;
            } else if (c == target && depth == 0) {
                return k;
            }
        }
        return -1;
    }
}
