package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** {@code expirevar:ip.blocked=600}: the variable disappears after the given number of seconds. */
public final class ExpireVarAction implements Action {

    private final CollectionKey target;
    private final MacroString seconds;

    private ExpireVarAction(CollectionKey target, MacroString seconds) {
        this.target = target;
        this.seconds = seconds;
    }

    public static ExpireVarAction of(String argument) {
        String text = Arguments.required("expirevar", argument);
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new dev.parapet.seclang.SecLangException("expirevar needs collection.name=seconds, got '"
                    + text + "'");
        }
        return new ExpireVarAction(CollectionKey.parse("expirevar", text.substring(0, eq)),
                MacroString.parse(text.substring(eq + 1).strip()));
    }

    @Override
    public ActionType type() {
        return ActionType.NON_DISRUPTIVE;
    }

    @Override
    public void execute(ActionContext context) {
        long s = dev.parapet.store.Numbers.parseLong(context.expand(seconds));
        context.expireVariable(target.collection(), target.expandKey(context), Math.max(0, s));
    }
}
