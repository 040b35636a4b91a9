package dev.parapet.actions;

/** {@code ver:'OWASP_CRS/4.28.0'}: the rule set version. */
public record VerAction(String version) implements Action {

    public static VerAction of(String argument) {
        return new VerAction(Arguments.required("ver", argument));
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.version(version);
    }
}
