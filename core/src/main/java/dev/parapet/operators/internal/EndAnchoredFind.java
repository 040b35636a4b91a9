package dev.parapet.operators.internal;

import org.safere.Pattern;

/**
 * Answers {@code find()} of a regex {@code X\z} — one whose last step is the end-of-subject anchor, what
 * {@link ModSecRegex} makes of a final {@code $} — by {@code matches()} of {@code (?s:.*?)(?:X)} on the whole
 * value: X matches a suffix of the value exactly when the value is some prefix followed by a match of X. The
 * assertions inside X ({@code ^}, {@code \b}, ...) see the same value and positions either way. Only the verdict
 * is the same: a caller that needs the groups runs {@code find()} of the original once the verdict is a match.
 *
 * <p>Why: SafeRE 1.1.0 does not keep the end-of-text step of its lazy DFA for such a regex. An unanchored
 * search ends in a state that still holds the start state's instructions, and every search builds that last step
 * again: CRS 932340 (a 3,566-character alternation ending {@code ...w(?:ho(?:ami|is)?)?)$}) allocates about
 * 3 KB and spends 1–3 µs per search whatever the value; the anchored {@code matches()} form 40 B and a few
 * hundred ns. Searching X without the anchor first would be sound too (removing an assertion only adds matches)
 * but it is not exact: 932340 without its {@code $} finds {@code ; W} in every Windows browser's User-Agent.
 *
 * <p>Made only where it is exact and pays: the {@code \z} ends the pattern outside any group, there is no
 * top-level {@code |} (the anchor would then bind one branch only), and no construct whose meaning depends on
 * where the search starts ({@code \G}) or on line ends ({@code (?x)} comments); and the pattern is not anchored
 * at the start, where SafeRE's search is already cheap and the {@code .*?} form costs more (CRS 920100, 942220).
 */
public final class EndAnchoredFind {

    private EndAnchoredFind() {
    }

    /**
     * The pattern whose {@code matches()} tells whether {@code find()} of {@code compiled} (as
     * {@link ModSecRegex#compile} makes it) succeeds, compiled with the same flags; {@code null} when
     * {@code compiled} does not have the shape described above.
     */
    public static Pattern asWholeValueMatch(Pattern compiled) {
        String pattern = compiled.pattern();
        if ((compiled.flags() & Pattern.COMMENTS) != 0 || anchoredAtStart(pattern)) {
            return null;
        }
        String body = bodyBeforeFinalEndAnchor(pattern);
        if (body == null) {
            return null;
        }
        try {
            return Pattern.compile("(?s:.*?)(?:" + body + ")", compiled.flags());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code pattern} without the {@code \z} that ends it, or {@code null} unless that anchor ends every match (see
     * the class comment). A pattern that compiles cannot end inside a character class, so an odd number of
     * backslashes before the final {@code z} is all that makes it the anchor rather than a literal.
     */
    static String bodyBeforeFinalEndAnchor(String pattern) {
        int end = pattern.length();
        if (end < 2 || pattern.charAt(end - 1) != 'z' || pattern.contains("\\Q") || pattern.contains("\\G")
                || hasCommentFlag(pattern)) {
            return null;
        }
        int backslashes = 0;
        for (int k = end - 2; k >= 0 && pattern.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        if (backslashes % 2 == 0 || RegexSyntax.atDepthZero(pattern, 0, '|') >= 0) {
            return null;
        }
        return pattern.substring(0, end - 2);
    }

    /** Whether an inline flag group such as {@code (?x)} or {@code (?ix:} may switch comment mode on. */
    private static boolean hasCommentFlag(String pattern) {
        for (int at = pattern.indexOf("(?"); at >= 0; at = pattern.indexOf("(?", at + 2)) {
            for (int k = at + 2; k < pattern.length() && (Character.isLetter(pattern.charAt(k))
                    || pattern.charAt(k) == '-'); k++) {
                if (pattern.charAt(k) == 'x') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the pattern starts (after inline flags such as {@code (?i)}) with {@code ^}. */
    private static boolean anchoredAtStart(String pattern) {
        int i = 0;
        while (pattern.startsWith("(?", i) && i + 2 < pattern.length() && Character.isLetter(pattern.charAt(i + 2))) {
            int close = pattern.indexOf(')', i);
            if (close < 0) {
                return false;
            }
            for (int k = i + 2; k < close; k++) {
                if (!Character.isLetter(pattern.charAt(k))) {
                    return false; // (?i:...) or (?-m): not a bare flag group
                }
            }
            i = close + 1;
        }
        return pattern.startsWith("^", i);
    }
}
