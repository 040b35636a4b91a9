package dev.parapet.actions;

import java.util.function.Consumer;

/**
 * The argument-less actions that only set a flag on the rule: {@code chain}, {@code capture},
 * {@code multiMatch}, {@code log}, {@code nolog}, {@code auditlog}, {@code noauditlog}.
 */
public final class FlagAction implements Action {

    private final String name;
    private final ActionType type;
    private final Consumer<RuleSettings> setting;

    private FlagAction(String name, ActionType type, Consumer<RuleSettings> setting) {
        this.name = name;
        this.type = type;
        this.setting = setting;
    }

    /** A factory for a flag action that takes no argument. */
    static ActionFactory factory(String name, ActionType type, Consumer<RuleSettings> setting) {
        FlagAction action = new FlagAction(name, type, setting);
        return argument -> {
            Arguments.none(name, argument);
            return action;
        };
    }

    @Override
    public ActionType type() {
        return type;
    }

    @Override
    public void configure(RuleSettings rule) {
        setting.accept(rule);
    }

    @Override
    public String toString() {
        return name;
    }
}
