package dev.parapet.operators.internal;

import dev.parapet.seclang.SecLangException;
import java.util.HexFormat;
import org.safere.Pattern;

/**
 * Compiles SecLang regular expressions with ModSecurity v2 semantics on top of SafeRE.
 *
 * <p>ModSecurity v2 compiles {@code @rx} with PCRE and {@code PCRE_DOTALL | PCRE_DOLLAR_ENDONLY}, matching
 * bytes without UTF or UCP support. SafeRE follows java.util.regex syntax, so {@link #rewrite} translates
 * the PCRE-isms that would otherwise parse or match differently:
 *
 * <ul>
 *   <li>unescaped {@code $} outside a class becomes {@code \z} (end of subject only), unless an inline
 *       {@code (?m)} switched multi-line mode on earlier in the pattern (scope is approximated: once on,
 *       it stays on for the rest of the pattern);</li>
 *   <li>{@code \s} becomes {@code [\t\n\x0b\f\r ]} and {@code \S} becomes {@code [^\t\n\x0b\f\r ]};
 *       inside a class {@code \s} expands to those six members; {@code \S} inside a class is kept,
 *       because SafeRE's {@code \S} is exactly the complement of those six bytes (verified by tests) —
 *       so {@code [^\S\n]} keeps working, which a textual expansion could not express;</li>
 *   <li>inside a class, a literal {@code [} and {@code &} are escaped (Java reads them as nested class and
 *       intersection); a leading {@code ]} (as in {@code []a]} or {@code [^]a]}) is escaped; POSIX classes
 *       such as {@code [:digit:]} are expanded to ASCII ranges;</li>
 *   <li>a {@code {} that does not start a valid quantifier is a literal in PCRE and is escaped;</li>
 *   <li>{@code \xH} (one hex digit) and {@code \0oo} (octal) are rewritten to the Java forms.</li>
 * </ul>
 *
 * <p>Compilation always adds {@code DOTALL} and {@code UNIX_LINES} (PCRE's default newline is LF only).
 * Case-insensitive matching folds ASCII only, as PCRE does without UCP; SafeRE's {@code \b}, {@code \w} and
 * {@code \d} are ASCII already. Not translated (rare, absent from CRS): {@code (?U)} (ungreedy in PCRE,
 * Unicode classes in Java), back-references, look-around, {@code \N}, {@code \o{}}; patterns using them
 * fail to compile and are reported as {@link SecLangException}.
 */
public final class ModSecRegex {

    private static final String SPACE_MEMBERS = "\\t\\n\\x0b\\f\\r ";

    private ModSecRegex() {
    }

    /**
     * Rewrites and compiles {@code pattern}.
     *
     * @throws SecLangException when the pattern is not valid
     */
    public static Pattern compile(String pattern, boolean caseInsensitive) {
        String rewritten = rewrite(pattern);
        int flags = flags(caseInsensitive);
        try {
            return Pattern.compile(rewritten, flags);
        } catch (RuntimeException | StackOverflowError e) {
            throw new SecLangException("invalid regular expression \"" + pattern + "\": " + e.getMessage(), e);
        }
    }

    /** The SafeRE flags {@link #compile} uses. */
    public static int flags(boolean caseInsensitive) {
        return Pattern.DOTALL | Pattern.UNIX_LINES | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** Translates a PCRE (ModSecurity v2) pattern into an equivalent SafeRE pattern; see the class doc. */
    public static String rewrite(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int n = pattern.length();
        int i = 0;
        boolean multiline = false;
        while (i < n) {
            char c = pattern.charAt(i);
            switch (c) {
                case '\\' -> i = escapeOutsideClass(pattern, i, out);
                case '[' -> i = characterClass(pattern, i, out);
                case '$' -> {
                    out.append(multiline ? "$" : "\\z");
                    i++;
                }
                case '{' -> {
                    int end = quantifierEnd(pattern, i);
                    if (end < 0) {
                        out.append("\\{");
                        i++;
                    } else {
                        out.append(pattern, i, end);
                        i = end;
                    }
                }
                case '(' -> {
                    if (enablesMultiline(pattern, i)) {
                        multiline = true;
                    }
                    out.append(c);
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
    }

    /** Handles a backslash outside a class at {@code i}; returns the index after the escape. */
    private static int escapeOutsideClass(String p, int i, StringBuilder out) {
        if (i + 1 >= p.length()) {
            out.append('\\'); // dangling backslash: let the engine report it
            return i + 1;
        }
        char e = p.charAt(i + 1);
        switch (e) {
            case 's' -> {
                out.append('[').append(SPACE_MEMBERS).append(']');
                return i + 2;
            }
            case 'S' -> {
                out.append("[^").append(SPACE_MEMBERS).append(']');
                return i + 2;
            }
            case 'Q' -> {
                int end = p.indexOf("\\E", i + 2);
                int stop = end < 0 ? p.length() : end + 2;
                out.append(p, i, stop);
                return stop;
            }
            default -> {
                return commonEscape(p, i, out);
            }
        }
    }

    /** Escapes handled the same inside and outside classes: {@code \x}, {@code \0}, everything else verbatim. */
    private static int commonEscape(String p, int i, StringBuilder out) {
        char e = p.charAt(i + 1);
        if (e == 'x') {
            int j = i + 2;
            if (j < p.length() && p.charAt(j) == '{') {
                int close = p.indexOf('}', j);
                int stop = close < 0 ? p.length() : close + 1;
                out.append(p, i, stop);
                return stop;
            }
            int digits = 0;
            while (digits < 2 && j + digits < p.length() && hexValue(p.charAt(j + digits)) >= 0) {
                digits++;
            }
            if (digits == 2) {
                out.append(p, i, j + 2);
            } else {
                int value = digits == 0 ? 0 : hexValue(p.charAt(j));
                out.append(String.format("\\x%02x", value));
            }
            return j + digits;
        }
        if (e == '0') {
            int j = i + 2;
            int value = 0;
            int digits = 0;
            while (digits < 2 && j < p.length() && p.charAt(j) >= '0' && p.charAt(j) <= '7') {
                value = value * 8 + (p.charAt(j) - '0');
                j++;
                digits++;
            }
            out.append(String.format("\\x%02x", value));
            return j;
        }
        out.append('\\').append(e);
        return i + 2;
    }

    /** Copies the class starting at {@code i} (a {@code [}); returns the index after its closing {@code ]}. */
    private static int characterClass(String p, int i, StringBuilder out) {
        int n = p.length();
        out.append('[');
        int j = i + 1;
        if (j < n && p.charAt(j) == '^') {
            out.append('^');
            j++;
        }
        if (j < n && p.charAt(j) == ']') {
            out.append("\\]");
            j++;
        }
        while (j < n) {
            char c = p.charAt(j);
            if (c == ']') {
                out.append(']');
                return j + 1;
            }
            if (c == '\\') {
                if (j + 1 >= n) {
                    out.append('\\');
                    return n;
                }
                char e = p.charAt(j + 1);
                if (e == 's') {
                    out.append(SPACE_MEMBERS);
                    j += 2;
                } else {
                    j = commonEscape(p, j, out);
                }
            } else if (c == '[') {
                int end = posixClassEnd(p, j);
                String expansion = end < 0 ? null : posixClass(p.substring(j + 2, end - 2));
                if (expansion != null) {
                    out.append(expansion);
                    j = end;
                } else {
                    out.append("\\[");
                    j++;
                }
            } else if (c == '&') {
                out.append("\\&");
                j++;
            } else {
                out.append(c);
                j++;
            }
        }
        return n; // unterminated class: the engine reports it
    }

    /** If {@code [:name:]} starts at {@code i}, the index after it, else -1. */
    private static int posixClassEnd(String p, int i) {
        if (i + 1 >= p.length() || p.charAt(i + 1) != ':') {
            return -1;
        }
        int close = p.indexOf(":]", i + 2);
        if (close < 0) {
            return -1;
        }
        for (int k = i + 2; k < close; k++) {
            char c = p.charAt(k);
            if (c < 'a' || c > 'z') {
                return -1;
            }
        }
        return close + 2;
    }

    /** Class members (without brackets) for a POSIX class name, or null if unknown. */
    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "A-Za-z";
            case "digit" -> "0-9";
            case "alnum" -> "0-9A-Za-z";
            case "upper" -> "A-Z";
            case "lower" -> "a-z";
            case "space" -> SPACE_MEMBERS;
            case "blank" -> " \\t";
            case "xdigit" -> "0-9A-Fa-f";
            case "word" -> "0-9A-Za-z_";
            case "cntrl" -> "\\x00-\\x1f\\x7f";
            case "print" -> "\\x20-\\x7e";
            case "graph" -> "\\x21-\\x7e";
            case "punct" -> "!-/:-@\\[-`{-~";
            case "ascii" -> "\\x00-\\x7f";
            default -> null;
        };
    }

    /** If a valid quantifier {@code {n}}, {@code {n,}} or {@code {n,m}} starts at {@code i}, its end, else -1. */
    private static int quantifierEnd(String p, int i) {
        int j = i + 1;
        int n = p.length();
        int start = j;
        while (j < n && isDigit(p.charAt(j))) {
            j++;
        }
        if (j == start) {
            return -1;
        }
        if (j < n && p.charAt(j) == ',') {
            j++;
            while (j < n && isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < n && p.charAt(j) == '}' ? j + 1 : -1;
    }

    /** Whether an inline flag group such as {@code (?m)}, {@code (?im)} or {@code (?m:} starts at {@code i}. */
    private static boolean enablesMultiline(String p, int i) {
        if (i + 1 >= p.length() || p.charAt(i + 1) != '?') {
            return false;
        }
        for (int j = i + 2; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == 'm') {
                return true;
            }
            if (c == '-' || c == ')' || c == ':' || !Character.isLetter(c)) {
                return false;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of an ASCII hex digit, or -1 ({@link HexFormat} accepts only 0-9, a-f and A-F). */
    private static int hexValue(char c) {
        return HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
    }
}
