package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;

/** {@code phase:N}: when the rule runs, 1–5, or {@code request} (2), {@code response} (4), {@code logging} (5). */
public record PhaseAction(int phase) implements Action {

    public static PhaseAction of(String argument) {
        String value = Arguments.required("phase", argument).strip();
        int phase = switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "request" -> 2;
            case "response" -> 4;
            case "logging" -> 5;
            default -> Arguments.integer("phase", value);
        };
        if (phase < 1 || phase > 5) {
            throw new SecLangException("phase must be 1 to 5, got " + value);
        }
        return new PhaseAction(phase);
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.phase(phase);
    }
}
