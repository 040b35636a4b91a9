package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** {@code logdata:'text'}: data logged with the match, usually the matched value; may hold macros. */
public record LogDataAction(MacroString data) implements Action {

    public static LogDataAction of(String argument) {
        return new LogDataAction(MacroString.parse(Arguments.required("logdata", argument)));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.logData(data);
    }
}
