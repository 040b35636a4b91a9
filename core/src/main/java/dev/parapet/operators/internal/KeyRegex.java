package dev.parapet.operators.internal;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * A compiled {@code /regex/} key selector ({@code TX:/^header_name_920450_/}, {@code !REQUEST_COOKIES:/__utm/}),
 * with verdicts that need no regex search. CRS's key selectors test every TX variable or cookie name of a
 * request, and almost every key fails them: the literals the selector requires ({@link RequiredLiterals})
 * reject those keys with a substring test, and a case-insensitive selector that is {@code ^} followed by
 * plain characters is answered exactly by a prefix test. Only the remaining keys run the regex.
 *
 * <p>The verdicts take the key in ASCII lower case (as collection entries keep it): the required literals hold
 * for ASCII case-insensitive containment, so they are sound for case-sensitive selectors too.
 */
public final class KeyRegex {

    /** {@link #quickVerdict}: the key is not selected. */
    public static final int REJECTED = 0;
    /** {@link #quickVerdict}: the key is selected. */
    public static final int SELECTED = 1;
    /** {@link #quickVerdict}: only the regex can tell. */
    public static final int SEARCH = 2;

    private final Pattern pattern;
    private final String lowerPrefix; // non-null: the selector is exactly "^" + this, matched case-insensitively
    private final String[][] required; // clauses: each key that matches contains a literal of every clause

    private KeyRegex(Pattern pattern, String lowerPrefix, String[][] required) {
        this.pattern = pattern;
        this.lowerPrefix = lowerPrefix;
        this.required = required;
    }

    /** A key selector searching {@code pattern}, compiled by {@link ModSecRegex} from the selector text. */
    public static KeyRegex of(Pattern pattern) {
        boolean caseInsensitive = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
        String prefix = caseInsensitive ? plainPrefix(pattern.pattern()) : null;
        List<Set<String>> clauses = prefix != null ? List.of() : RequiredLiterals.of(pattern.pattern());
        String[][] required = new String[clauses.size()][];
        for (int i = 0; i < required.length; i++) {
            required[i] = clauses.get(i).toArray(new String[0]);
        }
        return new KeyRegex(pattern, prefix, required);
    }

    /** The selector's regex. */
    public Pattern pattern() {
        return pattern;
    }

    /**
     * Whether the key is selected as far as literal tests can tell: {@link #SELECTED}, {@link #REJECTED} or
     * {@link #SEARCH} (run the regex on the key as received).
     *
     * @param keyLower the key with ASCII letters in lower case
     */
    public int quickVerdict(String keyLower) {
        if (lowerPrefix != null) {
            return keyLower.startsWith(lowerPrefix) ? SELECTED : REJECTED;
        }
        for (String[] clause : required) {
            if (!containsAny(keyLower, clause)) {
                return REJECTED;
            }
        }
        return SEARCH;
    }

    /** Whether the selector selects the key, searching with a new matcher only when literal tests cannot tell. */
    public boolean selects(String key, String keyLower) {
        return selects(key, keyLower, Pattern::matcher);
    }

    /**
     * Whether the selector selects the key; when literal tests cannot tell, searches with the matcher
     * {@code matchers} gives for the pattern and the key (a transaction's reusable one).
     */
    public boolean selects(String key, String keyLower, BiFunction<Pattern, String, Matcher> matchers) {
        int verdict = quickVerdict(keyLower);
        return verdict == SEARCH ? matchers.apply(pattern, key).find() : verdict == SELECTED;
    }

    private static boolean containsAny(String keyLower, String[] literals) {
        for (String literal : literals) {
            if (keyLower.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rest of a pattern that is {@code ^} followed only by characters that stand for themselves (ASCII
     * letters, digits, {@code _}, {@code -}), in lower case; {@code null} for any other pattern.
     */
    private static String plainPrefix(String source) {
        if (source.length() < 2 || source.charAt(0) != '^') {
            return null;
        }
        StringBuilder out = new StringBuilder(source.length() - 1);
        for (int i = 1; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!plain) {
                return null;
            }
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
