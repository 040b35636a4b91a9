package dev.parapet.engine.internal;

import java.util.function.Predicate;

/**
 * A per-transaction selection of rules (from {@code ctl:ruleRemove*}) that remembers its answer for each
 * rule, so a tag regex is not run against a rule's tags again on every phase.
 */
public final class RuleSelection {

    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final Predicate<CompiledRule> predicate;
    private final byte[] answers;

    public RuleSelection(Predicate<CompiledRule> predicate, int ruleCount) {
        this.predicate = predicate;
        this.answers = new byte[ruleCount];
    }

    public boolean test(CompiledRule rule) {
        int i = rule.index;
        if (i < 0 || i >= answers.length) {
            return predicate.test(rule);
        }
        byte a = answers[i];
        if (a == UNKNOWN) {
            a = predicate.test(rule) ? YES : NO;
            answers[i] = a;
        }
        return a == YES;
    }
}
