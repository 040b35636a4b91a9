package dev.parapet.actions;

/** {@code skipAfter:MARKER}: when the rule matches, rules up to the marker (or rule id) are skipped. */
public record SkipAfterAction(String marker) implements Action {

    public static SkipAfterAction of(String argument) {
        return new SkipAfterAction(Arguments.required("skipAfter", argument).strip());
    }

    @Override
    public ActionType type() {
        return ActionType.FLOW;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.skipAfter(marker);
    }
}
