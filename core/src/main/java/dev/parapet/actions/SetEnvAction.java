package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** {@code setenv:name=value}: an environment variable the host application can read. */
public final class SetEnvAction implements Action {

    private final MacroString name;
    private final MacroString value;

    private SetEnvAction(MacroString name, MacroString value) {
        this.name = name;
        this.value = value;
    }

    public static SetEnvAction of(String argument) {
        String text = Arguments.required("setenv", argument).strip();
        boolean remove = text.startsWith("!");
        if (remove) {
            return new SetEnvAction(MacroString.parse(text.substring(1)), null);
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            return new SetEnvAction(MacroString.parse(text), MacroString.parse("1"));
        }
        return new SetEnvAction(MacroString.parse(text.substring(0, eq)), MacroString.parse(text.substring(eq + 1)));
    }

    @Override
    public ActionType type() {
        return ActionType.NON_DISRUPTIVE;
    }

    @Override
    public void execute(ActionContext context) {
        context.setEnvironment(context.expand(name), value == null ? null : context.expand(value));
    }
}
