package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** {@code id:N}: the rule's unique id, a positive integer. */
public record IdAction(int id) implements Action {

    public static IdAction of(String argument) {
        int id = Arguments.integer("id", argument);
        if (id <= 0) {
            throw new SecLangException("rule id must be a positive integer, got " + id);
        }
        return new IdAction(id);
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.id(id);
    }
}
