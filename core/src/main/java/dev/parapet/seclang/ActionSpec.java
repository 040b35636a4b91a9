package dev.parapet.seclang;

import java.util.ArrayList;
import java.util.List;

/**
 * One action of a rule's action list, e.g. {@code setvar:'tx.score=+5'} is name {@code setvar} with
 * value {@code tx.score=+5}.
 *
 * @param name the action name as written
 * @param value the argument with enclosing single quotes removed, or {@code null} when there is none
 */
public record ActionSpec(String name, String value) {

    /**
     * Splits an action list on commas outside single quotes. Within single quotes {@code \'} stands for
     * a quote.
     *
     * @throws SecLangException on an unterminated quote or an empty action
     */
    public static List<ActionSpec> parseList(String text) {
        List<ActionSpec> actions = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != ':' && text.charAt(i) != ',') {
                i++;
            }
            String name = text.substring(nameStart, i).strip();
            if (name.isEmpty()) {
                throw new SecLangException("empty action name in '" + SecLangReader.abbreviate(text) + "'");
            }
            String value = null;
            if (i < n && text.charAt(i) == ':') {
                i++;
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                StringBuilder v = new StringBuilder();
                if (i < n && text.charAt(i) == '\'') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\'') {
                            v.append('\'');
                            i += 2;
                        } else if (c == '\'') {
                            closed = true;
                            i++;
                            break;
                        } else {
                            v.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        throw new SecLangException("unterminated single quote in action '" + name + "'");
                    }
                    while (i < n && text.charAt(i) != ',') {
                        if (!Character.isWhitespace(text.charAt(i))) {
                            throw new SecLangException("unexpected text after quoted value of action '"
                                    + name + "'");
                        }
                        i++;
                    }
                } else {
                    while (i < n && text.charAt(i) != ',') {
                        v.append(text.charAt(i));
                        i++;
                    }
                }
                value = v.toString().strip();
            }
            actions.add(new ActionSpec(name, value));
        }
        return actions;
    }

    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
