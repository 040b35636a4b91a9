package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** {@code msg:'text'}: the message logged when the rule matches; may hold macros. */
public record MsgAction(MacroString message) implements Action {

    public static MsgAction of(String argument) {
        return new MsgAction(MacroString.parse(Arguments.required("msg", argument)));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.message(message);
    }
}
