package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** {@code status:N}: the HTTP status of a deny or redirect. */
public record StatusAction(int status) implements Action {

    public static StatusAction of(String argument) {
        int status = Arguments.integer("status", argument);
        if (status < 100 || status > 599) {
            throw new SecLangException("status must be an HTTP status code (100-599), got " + status);
        }
        return new StatusAction(status);
    }

    @Override
    public ActionType type() {
        return ActionType.DATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.status(status);
    }
}
