package dev.parapet.engine.internal;

import dev.parapet.engine.EngineSettings;
import java.util.List;

/**
 * A compiled rule set: rules per phase in evaluation order, with {@code skipAfter} targets resolved.
 * Immutable and shared by every transaction.
 *
 * @param settings engine settings from the {@code Sec*} directives
 * @param phases {@code phases[p]} holds the rules of phase p (1–5); index 0 is empty
 * @param cacheSlots how many transformation-prefix cache slots the pipelines use
 * @param ruleCount the number of top-level rules
 * @param componentSignatures the {@code SecComponentSignature} values
 */
public record Program(EngineSettings settings, CompiledRule[][] phases, int cacheSlots, int ruleCount,
        List<String> componentSignatures) {

    /** Every top-level rule, in phase order. */
    public List<CompiledRule> rules() {
        java.util.ArrayList<CompiledRule> all = new java.util.ArrayList<>();
        for (CompiledRule[] phase : phases) {
            for (CompiledRule r : phase) {
                if (r != null) {
                    all.add(r);
                }
            }
        }
        return all;
    }
}
