package dev.parapet.actions;

/** {@code maturity:N}: how well tested the rule is (1–9). */
public record MaturityAction(int maturity) implements Action {

    public static MaturityAction of(String argument) {
        return new MaturityAction(Arguments.integer("maturity", argument));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.maturity(maturity);
    }
}
