package dev.parapet.actions;

/** {@code tag:'name'}: a label used for exclusions ({@code ruleRemoveByTag}) and reporting. */
public record TagAction(String tag) implements Action {

    public static TagAction of(String argument) {
        return new TagAction(Arguments.required("tag", argument));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.tag(tag);
    }
}
