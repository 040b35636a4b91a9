package dev.parapet.engine.internal;

import dev.parapet.operators.internal.LiteralScreen;
import dev.parapet.engine.EngineSettings;
import java.util.List;

/**
 * A compiled rule set: rules per phase in evaluation order, with {@code skipAfter} targets resolved.
 * Immutable and shared by every transaction.
 *
 * @param settings engine settings from the {@code Sec*} directives
 * @param phases {@code phases[p]} holds the rules of phase p (1–5); index 0 is empty
 * @param transformations how many distinct transformations the pipelines use (see {@link TransformPipeline#ids()})
 * @param pipelines how many distinct transformation pipelines the rules use (see {@link TransformPipeline#id()})
 * @param ruleCount the number of top-level rules
 * @param componentSignatures the {@code SecComponentSignature} values
 * @param screen the literal screen of the operators that declare required literals (see
 *               {@link CompiledRule#screenSlots()})
 * @param regexPhases which phases run a regex on request data (see {@link #phaseUsesRegex})
 */
public record Program(EngineSettings settings, CompiledRule[][] phases, int transformations, int pipelines, int ruleCount,
        List<String> componentSignatures, LiteralScreen screen,
        java.util.concurrent.ConcurrentHashMap<Object, boolean[]> selections, boolean[] regexPhases) {

    public Program(EngineSettings settings, CompiledRule[][] phases, int transformations, int pipelines, int ruleCount,
            List<String> componentSignatures, LiteralScreen screen) {
        this(settings, phases, transformations, pipelines, ruleCount, componentSignatures, screen,
                new java.util.concurrent.ConcurrentHashMap<>(), regexPhases(phases));
    }

    /**
     * Which rules (by {@link CompiledRule#index()}) carry a tag the pattern finds. Computed once per pattern
     * and remembered: the patterns come from the rule set's own {@code ctl} actions, so the memo is bounded.
     */
    public boolean[] rulesTagged(org.safere.Pattern tag) {
        return selections.computeIfAbsent(tag, k -> select(r -> r.hasTag(tag)));
    }

    /** Which rules have a message the pattern finds; remembered like {@link #rulesTagged}. */
    public boolean[] rulesWithMessage(org.safere.Pattern message) {
        return selections.computeIfAbsent(java.util.List.of("msg", message),
                k -> select(r -> r.message != null && message.matcher(r.message.source()).find()));
    }

    private boolean[] select(java.util.function.Predicate<CompiledRule> p) {
        boolean[] out = new boolean[ruleCount];
        for (CompiledRule r : rules()) {
            out[r.index] = p.test(r);
        }
        return out;
    }

    /**
     * Whether the phase runs a regex on request data: an {@code @rx} operator, or a target or exclusion whose key
     * is a regex, in any rule or chain link. Such phases are the ones worth running where regex automata stay warm
     * (see {@link InspectionThreads}).
     */
    public boolean phaseUsesRegex(int phase) {
        return regexPhases[phase];
    }

    private static boolean[] regexPhases(CompiledRule[][] phases) {
        boolean[] out = new boolean[phases.length];
        for (int p = 0; p < phases.length; p++) {
            for (CompiledRule top : phases[p]) {
                for (CompiledRule r = top; r != null && !out[p]; r = r.chained) {
                    out[p] = r.operator instanceof dev.parapet.operators.Rx || anyRegexKey(r.targets)
                            || anyRegexKey(r.exclusions);
                }
            }
        }
        return out;
    }

    private static boolean anyRegexKey(Target[] targets) {
        for (Target t : targets) {
            if (t.keyRegex() != null) {
                return true;
            }
        }
        return false;
    }

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
