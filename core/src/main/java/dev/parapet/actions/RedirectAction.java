package dev.parapet.actions;

import dev.parapet.seclang.MacroString;

/** {@code redirect:URL}: answers with a redirect (302 unless {@code status} gives 301, 303 or 307). */
public record RedirectAction(MacroString url) implements Action {

    public static RedirectAction of(String argument) {
        return new RedirectAction(MacroString.parse(Arguments.required("redirect", argument)));
    }

    @Override
    public ActionType type() {
        return ActionType.DISRUPTIVE;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.disruptive(Disruptive.REDIRECT);
        rule.redirect(url);
    }
}
