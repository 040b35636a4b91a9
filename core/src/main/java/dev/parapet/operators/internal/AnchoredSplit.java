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
     * Splits {@code compiled} (as {@link ModSecRegex#compile} makes it), or returns {@code null} when it does not
     * have the shape described above.
     */
    public static AnchoredSplit of(Pattern compiled) {
        String rewritten = compiled.pattern();
        int flags = compiled.flags();
        if ((flags & Pattern.MULTILINE) != 0 || compiled.matcher("").groupCount() > 0) {
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
        int close = RegexSyntax.atDepthZero(rewritten, open + 1, ')');
        if (close < 0 || close + 1 < rewritten.length() && isQuantifier(rewritten.charAt(close + 1))) {
            return null;
        }
        String body = rewritten.substring(open + 3, close);
        int bar = RegexSyntax.atDepthZero(body, 0, '|');
        if (bar < 0) {
            return null; // a single branch: nothing to split
        }
        String first = body.substring(1, bar); // without the ^
        String others = body.substring(bar + 1);
        String rest = rewritten.substring(close + 1);
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
}
