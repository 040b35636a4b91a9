package dev.parapet.operators.internal;

import org.safere.Pattern;

/**
 * Recognises the regexes whose first match is always the whole value, such as CRS 920450's {@code ^.*$}
 * (rewritten {@code ^.*\z}): with {@code DOTALL}, which {@link ModSecRegex} always sets, {@code .*} takes every
 * character, so the search starts and ends at the ends of the value. Such a rule (920450 captures every
 * request header name) needs no search at all: the match is the value itself.
 */
public final class WholeValueRegex {

    private WholeValueRegex() {
    }

    /**
     * Whether {@code compiled} is {@code .*} with {@code DOTALL}, optionally anchored by {@code ^} and {@code \z},
     * after inline flags that leave {@code .} unchanged ({@code (?i)}, {@code (?s)}). Anything else, even an
     * equivalent spelling, answers {@code false}.
     */
    public static boolean matchesEveryValueWhole(Pattern compiled) {
        int flags = compiled.flags();
        if ((flags & Pattern.DOTALL) == 0 || (flags & (Pattern.MULTILINE | Pattern.COMMENTS)) != 0) {
            return false;
        }
        String p = compiled.pattern();
        int i = 0;
        while (p.startsWith("(?", i)) {
            int close = p.indexOf(')', i);
            if (close < 0) {
                return false;
            }
            for (int k = i + 2; k < close; k++) {
                if (p.charAt(k) != 'i' && p.charAt(k) != 's') {
                    return false;
                }
            }
            i = close + 1;
        }
        String rest = p.substring(i);
        return rest.equals("^.*\\z") || rest.equals("^.*") || rest.equals(".*\\z") || rest.equals(".*");
    }
}
