package dev.parapet.operators.internal;

import java.util.ArrayList;
import java.util.List;
import org.safere.Pattern;

/**
 * A regex of the shape {@code (?i)(?:B|^A|C)REST} — a leading group with a branch anchored at the start of the
 * subject, as in CRS's {@code (?:^(?:json\.)?|[;|&]...)command...} or 941170's {@code (?:[^\w]|^)javascript...}
 * — split into searches that each run on cached DFA states: {@code A REST} tried only at position 0
 * ({@code lookingAt}) and {@code (?:B|C)REST} searched anywhere.
 *
 * <p>Why: an anchor inside an alternation makes every DFA state depend on the position, and SafeRE then
 * rebuilds states on each search (several KB and microseconds per search of CRS's command-injection
 * patterns, 680 B for 941170 whatever the value); the halves run on cached states.
 *
 * <p>The match is the same, taken in this order: {@link #before} {@code (?:B)REST} at position 0 (only when the
 * anchored branch is not the first; leftmost-first alternation prefers the branches before it there), then
 * {@code A REST} at position 0, then {@code (?:B|C)REST} anywhere (at position 0 only C can still match, and it
 * comes after the anchored branch; elsewhere the anchored branch cannot match). Whether there is a match at
 * all needs only the last two. The split is only made where this reasoning holds: no capturing groups (their
 * numbers would shift), no multi-line mode ({@code ^} would also match after a newline), an unquantified
 * leading non-capturing group, and only inline flags before it.
 *
 * @param before {@code (?:B)REST} for {@code lookingAt}, or {@code null} when the anchored branch is the first
 * @param anchored {@code A REST}, for {@code lookingAt}
 * @param rest {@code (?:B|C)REST}, for {@code find}
 */
public record AnchoredSplit(Pattern before, Pattern anchored, Pattern rest) {

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
        if (!rewritten.startsWith("(?:", i)) {
            return null;
        }
        int open = i;
        int close = RegexSyntax.atDepthZero(rewritten, open + 1, ')');
        if (close < 0 || close + 1 < rewritten.length() && isQuantifier(rewritten.charAt(close + 1))) {
            return null;
        }
        List<String> branches = branches(rewritten.substring(open + 3, close));
        int anchoredBranch = -1;
        for (int b = 0; b < branches.size() && anchoredBranch < 0; b++) {
            if (branches.get(b).startsWith("^")) {
                anchoredBranch = b;
            }
        }
        if (anchoredBranch < 0 || branches.size() < 2) {
            return null; // no anchored branch, or a single one: nothing to split
        }
        String rest = rewritten.substring(close + 1);
        List<String> others = new ArrayList<>(branches);
        String first = others.remove(anchoredBranch).substring(1); // without the ^
        try {
            Pattern before = anchoredBranch == 0 ? null : Pattern.compile(
                    head + "(?:" + String.join("|", branches.subList(0, anchoredBranch)) + ")" + rest, flags);
            Pattern anchored = Pattern.compile(head + "(?:" + first + ")" + rest, flags);
            Pattern unanchored = Pattern.compile(head + "(?:" + String.join("|", others) + ")" + rest, flags);
            return new AnchoredSplit(before, anchored, unanchored);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The depth-0 branches of a group's body. */
    private static List<String> branches(String body) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int bar = RegexSyntax.atDepthZero(body, 0, '|'); bar >= 0;
                bar = RegexSyntax.atDepthZero(body, from, '|')) {
            out.add(body.substring(from, bar));
            from = bar + 1;
        }
        out.add(body.substring(from));
        return out;
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '?' || c == '{';
    }
}
