package dev.parapet.operators.internal;

import org.safere.Pattern;

/**
 * A regex of the shape {@code (?i)(?:^A|B|C)REST} — a leading group whose first branch is anchored at the
 * start of the subject, as in CRS's {@code (?:^(?:json\.)?|[;|&]...)command...} — split into two searches:
 * {@code A REST} tried only at position 0 ({@code lookingAt}) and {@code (?:B|C)REST} searched anywhere.
 *
 * <p>Why: an anchor inside an alternation makes every DFA state depend on the position, and SafeRE then
 * rebuilds states on each search (several KB and microseconds per search of CRS's command-injection
 * patterns); the two halves each run on cached states. The result is the same match: at position 0 the
 * anchored branch is preferred exactly as leftmost-first alternation prefers it, and elsewhere only the other
 * branches can match. The split is only made where this reasoning holds: no capturing groups (their numbers
 * would shift), no multi-line mode ({@code ^} would also match after a newline), an unquantified leading
 * non-capturing group, and only inline flags before it.
 *
 * @param anchored {@code A REST}, for {@code lookingAt}
 * @param rest {@code (?:B|C)REST}, for {@code find}
 */
public record AnchoredSplit(Pattern anchored, Pattern rest) {

    /**
     * Splits {@code rewritten} (a pattern already in SafeRE syntax, see {@link ModSecRegex#rewrite}) compiled
     * with {@code flags}, or returns {@code null} when it does not have the shape described above.
     */
    public static AnchoredSplit of(String rewritten, int flags) {
        if ((flags & Pattern.MULTILINE) != 0) {
            return null;
        }
        int i = 0;
        // Leading inline flags, e.g. (?i) or (?is); (?m) or (?x) disqualify.
        while (rewritten.startsWith("(?", i) && i + 2 < rewritten.length()
                && Character.isLetter(rewritten.charAt(i + 2))) {
            int close = rewritten.indexOf(')', i);
            if (close < 0) {
                return null;
            }
            String letters = rewritten.substring(i + 2, close);
            if (!letters.chars().allMatch(Character::isLetter) || letters.contains("m") || letters.contains("x")) {
                return null;
            }
            i = close + 1;
        }
        String head = rewritten.substring(0, i);
        if (!rewritten.startsWith("(?:^", i)) {
            return null;
        }
        int open = i;
        int close = closingParen(rewritten, open);
        if (close < 0 || close + 1 < rewritten.length() && isQuantifier(rewritten.charAt(close + 1))) {
            return null;
        }
        String body = rewritten.substring(open + 3, close);
        int bar = topLevelBar(body);
        if (bar < 0) {
            return null; // a single branch: nothing to split
        }
        String first = body.substring(1, bar); // without the ^
        String others = body.substring(bar + 1);
        String rest = rewritten.substring(close + 1);
        if (hasCapturingGroup(rewritten)) {
            return null;
        }
        try {
            Pattern anchored = Pattern.compile(head + "(?:" + first + ")" + rest, flags);
            Pattern unanchored = Pattern.compile(head + "(?:" + others + ")" + rest, flags);
            return new AnchoredSplit(anchored, unanchored);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping escapes and classes. */
    static int closingParen(String p, int open) {
        int depth = 0;
        for (int k = open; k < p.length(); k++) {
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
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** The index of the {@code ]} closing the class at {@code open} (nested classes allowed), or -1. */
    private static int classEnd(String p, int open) {
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

    /** The first {@code |} at nesting depth 0 of {@code body}, or -1. */
    private static int topLevelBar(String body) {
        int depth = 0;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = classEnd(body, k);
                if (k < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hasCapturingGroup(String p) {
        for (int k = 0; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                k = classEnd(p, k);
                if (k < 0) {
                    return true; // unparseable here: be safe
                }
            } else if (c == '(') {
                if (k + 1 >= p.length() || p.charAt(k + 1) != '?') {
                    return true;
                }
                if (p.startsWith("(?<", k) && k + 3 < p.length() && p.charAt(k + 3) != '='
                        && p.charAt(k + 3) != '!') {
                    return true; // named group
                }
            }
        }
        return false;
    }
}
