package dev.parapet.actions;

import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import dev.parapet.store.Numbers;

/**
 * {@code setvar}: {@code tx.name=value} assigns, {@code =+N} adds, {@code =-N} subtracts,
 * {@code !tx.name} removes, {@code tx.name} alone sets 1. Names and values may hold macros; arithmetic
 * treats a non-numeric value as 0, as ModSecurity does.
 */
public final class SetVarAction implements Action {

    private enum Op { ASSIGN, ADD, SUBTRACT, REMOVE }

    private final CollectionKey target;
    private final Op op;
    private final MacroString value;

    private SetVarAction(CollectionKey target, Op op, MacroString value) {
        this.target = target;
        this.op = op;
        this.value = value;
    }

    public static SetVarAction of(String argument) {
        String text = Arguments.required("setvar", argument).strip();
        if (text.startsWith("!")) {
            return new SetVarAction(CollectionKey.parse("setvar", text.substring(1)), Op.REMOVE, null);
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            return new SetVarAction(CollectionKey.parse("setvar", text), Op.ASSIGN, MacroString.parse("1"));
        }
        CollectionKey key = CollectionKey.parse("setvar", text.substring(0, eq));
        String rest = text.substring(eq + 1);
        if (rest.startsWith("+")) {
            return new SetVarAction(key, Op.ADD, MacroString.parse(rest.substring(1)));
        }
        if (rest.startsWith("-")) {
            return new SetVarAction(key, Op.SUBTRACT, MacroString.parse(rest.substring(1)));
        }
        return new SetVarAction(key, Op.ASSIGN, MacroString.parse(rest));
    }

    @Override
    public ActionType type() {
        return ActionType.NON_DISRUPTIVE;
    }

    @Override
    public void execute(ActionContext context) {
        String key = target.expandKey(context);
        if (key.isEmpty()) {
            return;
        }
        switch (op) {
            case REMOVE -> context.removeVariable(target.collection(), key);
            case ASSIGN -> context.setVariable(target.collection(), key, context.expand(value));
            case ADD, SUBTRACT -> {
                long current = Numbers.parseLong(context.variable(target.collection(), key));
                long delta = Numbers.parseLong(context.expand(value));
                long result = op == Op.ADD ? current + delta : current - delta;
                context.setVariable(target.collection(), key, Long.toString(result));
            }
            default -> throw new SecLangException("unreachable setvar operation " + op);
        }
    }

    @Override
    public String toString() {
        return "setvar:" + target.collection() + "." + target.key() + " " + op + " " + value;
    }
}
