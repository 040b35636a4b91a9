package dev.parapet.actions;

/** {@code accuracy:N}: how accurate the rule is (1–9). */
public record AccuracyAction(int accuracy) implements Action {

    public static AccuracyAction of(String argument) {
        return new AccuracyAction(Arguments.integer("accuracy", argument));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.accuracy(accuracy);
    }
}
