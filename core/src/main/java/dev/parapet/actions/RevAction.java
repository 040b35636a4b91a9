package dev.parapet.actions;

/** {@code rev:'2'}: the rule's revision. */
public record RevAction(String revision) implements Action {

    public static RevAction of(String argument) {
        return new RevAction(Arguments.required("rev", argument));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.revision(revision);
    }
}
