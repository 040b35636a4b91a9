package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** {@code skip:N}: when the rule matches, the next N rules (a chain counts once) are skipped. */
public record SkipAction(int rules) implements Action {

    public static SkipAction of(String argument) {
        int n = Arguments.integer("skip", argument);
        if (n < 1) {
            throw new SecLangException("skip needs a positive number, got " + n);
        }
        return new SkipAction(n);
    }

    @Override
    public ActionType type() {
        return ActionType.FLOW;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.skip(rules);
    }
}
