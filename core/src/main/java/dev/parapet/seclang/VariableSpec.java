package dev.parapet.seclang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of a rule's target list, e.g. {@code !REQUEST_COOKIES:/^_ga/} or {@code &ARGS}.
 *
 * @param collection the variable or collection name, upper case (e.g. {@code ARGS})
 * @param selector the key after {@code :} (regex delimiters removed when {@link #regex}), or {@code null}
 * @param regex whether the selector was written as {@code /regex/}
 * @param exclusion whether the entry starts with {@code !} (removes matching keys from the target)
 * @param count whether the entry starts with {@code &} (the number of matching values)
 */
public record VariableSpec(String collection, String selector, boolean regex, boolean exclusion, boolean count) {

    /**
     * Parses a {@code |}-separated target list.
     *
     * @throws SecLangException on an empty entry or an unterminated regex or quote
     */
    public static List<VariableSpec> parseList(String text) {
        List<VariableSpec> specs = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == '|' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean exclusion = false;
            boolean count = false;
            if (text.charAt(i) == '!') {
                exclusion = true;
                i++;
            } else if (text.charAt(i) == '&') {
                count = true;
                i++;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != ':' && text.charAt(i) != '|') {
                i++;
            }
            String name = text.substring(nameStart, i).strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new SecLangException("empty variable name in '" + SecLangReader.abbreviate(text) + "'");
            }
            String selector = null;
            boolean regex = false;
            if (i < n && text.charAt(i) == ':') {
                i++;
                if (i < n && text.charAt(i) == '/' && !name.equals("XML")) {
                    int end = findRegexEnd(text, i + 1);
                    if (end < 0) {
                        throw new SecLangException("unterminated regex selector in '"
                                + SecLangReader.abbreviate(text) + "'");
                    }
                    selector = text.substring(i + 1, end);
                    regex = true;
                    i = end + 1;
                } else if (i < n && text.charAt(i) == '\'') {
                    int end = text.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new SecLangException("unterminated quote in selector of '" + name + "'");
                    }
                    selector = text.substring(i + 1, end);
                    i = end + 1;
                } else {
                    // XML selectors are XPath expressions (XML:/*, XML://@*), never regexes.
                    int start = i;
                    while (i < n && text.charAt(i) != '|') {
                        i++;
                    }
                    selector = text.substring(start, i).strip();
                }
                if (selector.isEmpty() && !regex) {
                    selector = null;
                }
            }
            specs.add(new VariableSpec(name, selector, regex, exclusion, count));
        }
        if (specs.isEmpty()) {
            throw new SecLangException("empty variable list");
        }
        return specs;
    }

    /** The closing {@code /} of a regex selector: one followed by {@code |} or the end of the list. */
    private static int findRegexEnd(String text, int from) {
        int candidate = -1;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '/') {
                int k = j + 1;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k >= text.length() || text.charAt(k) == '|') {
                    return j;
                }
                candidate = j;
            }
        }
        return candidate;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (exclusion) {
            b.append('!');
        }
        if (count) {
            b.append('&');
        }
        b.append(collection);
        if (selector != null) {
            b.append(':');
            b.append(regex ? "/" + selector + "/" : selector);
        }
        return b.toString();
    }
}
