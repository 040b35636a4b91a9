package dev.parapet.engine.internal;

import dev.parapet.variables.Variable;
import dev.parapet.operators.internal.KeyRegex;

/**
 * One compiled entry of a rule's target list, or one exclusion.
 *
 * @param variable the variable or collection
 * @param key the selector as written, or {@code null} for the whole collection
 * @param keyLower the selector in lower case, for case-insensitive key comparison
 * @param keyRegex the compiled {@code /regex/} selector, or {@code null}
 * @param count whether this is a {@code &} count
 */
public record Target(Variable variable, String key, String keyLower, KeyRegex keyRegex, boolean count) {

    /** Whether a collection key is selected by this target (always true without a selector). */
    public boolean selects(String entryKey, String entryKeyLower) {
        if (keyRegex != null) {
            return keyRegex.selects(entryKey, entryKeyLower);
        }
        return keyLower == null || keyLower.equals(entryKeyLower);
    }

    /** Whether this exclusion removes a collection entry of {@code v}. */
    public boolean excludes(Variable v, String entryKey, String entryKeyLower) {
        return variable == v && selects(entryKey, entryKeyLower);
    }

    @Override
    public String toString() {
        String s = (count ? "&" : "") + variable.name();
        if (keyRegex != null) {
            return s + ":/" + key + "/";
        }
        return key == null ? s : s + ":" + key;
    }
}
