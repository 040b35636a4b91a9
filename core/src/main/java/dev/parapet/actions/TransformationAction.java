package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;
import dev.parapet.transformations.Transformation;
import dev.parapet.transformations.TransformationRegistry;

/** {@code t:name}: adds a transformation to the rule's pipeline; {@code t:none} clears it. */
public record TransformationAction(Transformation transformation) implements Action {

    public static TransformationAction of(String argument) {
        String name = Arguments.required("t", argument).strip();
        if (name.equalsIgnoreCase("none")) {
            return new TransformationAction(null);
        }
        Transformation t = TransformationRegistry.lookup(name)
                .orElseThrow(() -> new SecLangException("unknown transformation 't:" + name + "'"));
        return new TransformationAction(t);
    }

    @Override
    public ActionType type() {
        return ActionType.DATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        if (transformation == null) {
            rule.clearTransformations();
        } else {
            rule.transformation(transformation);
        }
    }
}
