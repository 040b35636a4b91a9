package dev.parapet.actions;

import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import java.util.Locale;

/** {@code initcol:ip=%{REMOTE_ADDR}}: opens a persistent collection under a key. */
public final class InitColAction implements Action {

    private final String collection;
    private final MacroString key;

    private InitColAction(String collection, MacroString key) {
        this.collection = collection;
        this.key = key;
    }

    public static InitColAction of(String argument) {
        return parse("initcol", argument, null);
    }

    /** {@code setuid:KEY} and {@code setsid:KEY} are initcol on USER and SESSION. */
    static ActionFactory fixed(String action, String collection) {
        return argument -> parse(action, argument, collection);
    }

    private static InitColAction parse(String action, String argument, String fixedCollection) {
        String text = Arguments.required(action, argument).strip();
        if (fixedCollection != null) {
            return new InitColAction(fixedCollection, MacroString.parse(text));
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SecLangException("initcol needs collection=key, got '" + text + "'");
        }
        String collection = text.substring(0, eq).strip().toUpperCase(Locale.ROOT);
        switch (collection) {
            case "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> {
            }
            default -> throw new SecLangException("initcol cannot open collection '" + collection
                    + "' (IP, GLOBAL, SESSION, USER or RESOURCE)");
        }
        return new InitColAction(collection, MacroString.parse(text.substring(eq + 1).strip()));
    }

    @Override
    public ActionType type() {
        return ActionType.NON_DISRUPTIVE;
    }

    @Override
    public void execute(ActionContext context) {
        context.initCollection(collection, context.expand(key));
    }
}
