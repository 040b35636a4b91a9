package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** {@code deny}, {@code drop}, {@code pass}, {@code block}, {@code allow[:phase|:request]}. */
public record DisruptiveAction(Disruptive action) implements Action {

    static ActionFactory factory(Disruptive action) {
        DisruptiveAction instance = new DisruptiveAction(action);
        return argument -> {
            Arguments.none(action.name().toLowerCase(java.util.Locale.ROOT), argument);
            return instance;
        };
    }

    /** {@code allow}, {@code allow:phase} or {@code allow:request}. */
    public static DisruptiveAction allow(String argument) {
        if (argument == null || argument.isEmpty()) {
            return new DisruptiveAction(Disruptive.ALLOW);
        }
        return switch (argument.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "phase" -> new DisruptiveAction(Disruptive.ALLOW_PHASE);
            case "request" -> new DisruptiveAction(Disruptive.ALLOW_REQUEST);
            default -> throw new SecLangException("allow takes 'phase' or 'request', got '" + argument + "'");
        };
    }

    @Override
    public ActionType type() {
        return ActionType.DISRUPTIVE;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.disruptive(action);
    }
}
