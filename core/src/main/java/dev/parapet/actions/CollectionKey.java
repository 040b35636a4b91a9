package dev.parapet.actions;

import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import java.util.Locale;

/**
 * A {@code collection.key} reference as written in setvar, expirevar and deprecatevar; the key may
 * hold macros ({@code tx.paramcounter_%{MATCHED_VAR_NAME}}).
 */
record CollectionKey(String collection, MacroString key) {

    static CollectionKey parse(String action, String text) {
        String t = text.strip();
        int dot = t.indexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new SecLangException("action '" + action + "' needs collection.name, got '" + text + "'");
        }
        String collection = t.substring(0, dot).toUpperCase(Locale.ROOT);
        switch (collection) {
            case "TX", "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> {
            }
            default -> throw new SecLangException("action '" + action + "' cannot write collection '"
                    + t.substring(0, dot) + "'");
        }
        return new CollectionKey(collection, MacroString.parse(t.substring(dot + 1)));
    }

    String expandKey(ActionContext context) {
        return context.expand(key);
    }
}
