package dev.parapet.actions;

import dev.parapet.operators.internal.KeyRegex;
import dev.parapet.operators.internal.ModSecRegex;
import dev.parapet.seclang.SecLangException;
import dev.parapet.seclang.VariableSpec;

/**
 * A target named in a {@code ctl:ruleRemoveTarget*} action, with its {@code /regex/} selector compiled at
 * load time so removing it costs nothing per request.
 *
 * @param spec the target as written
 * @param keyRegex the compiled selector when {@link VariableSpec#regex()}, else {@code null}
 */
public record TargetRef(VariableSpec spec, KeyRegex keyRegex) {

    /** Compiles a target spec's selector. */
    public static TargetRef of(VariableSpec spec) {
        if (!spec.regex()) {
            return new TargetRef(spec, null);
        }
        try {
            return new TargetRef(spec, KeyRegex.of(ModSecRegex.compile(spec.selector(), true)));
        } catch (RuntimeException e) {
            throw new SecLangException("invalid selector regex in '" + spec + "': " + e.getMessage(), e);
        }
    }
}
