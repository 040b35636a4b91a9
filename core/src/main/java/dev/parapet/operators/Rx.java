package dev.parapet.operators;

import dev.parapet.operators.internal.AnchoredSplit;
import dev.parapet.operators.internal.EndAnchoredFind;
import dev.parapet.operators.internal.ModSecRegex;
import dev.parapet.operators.internal.RequiredLiterals;
import dev.parapet.operators.internal.WholeValueRegex;
import java.util.List;
import java.util.Set;
import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.SecLangException;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * {@code @rx}: regular-expression search with ModSecurity v2 semantics (see {@link ModSecRegex}). With the
 * {@code capture} action the whole match goes to {@code TX:0} and groups 1–9 to {@code TX:1..9}, up to the
 * last group that took part in the match (groups that did not take part inside that range are empty);
 * {@code TX:n} above that are removed.
 * A pattern holding a macro is expanded and compiled on every evaluation; if it then fails to compile the
 * operator does not match.
 *
 * <p>A constant pattern may be searched in cheaper ways that find the same match: {@link AnchoredSplit} for a
 * leading anchored alternative, {@link EndAnchoredFind} for a final {@code $}, and none at all for a pattern
 * that always matches the whole value ({@link WholeValueRegex}).
 */
public final class Rx implements Operator {

    private final Pattern pattern; // null when the pattern has macros
    private final MacroString macro;
    private final List<Set<String>> requiredLiterals;
    private final AnchoredSplit split; // null unless the pattern has the shape AnchoredSplit handles
    // matches() of this answers find() of the pattern that find() runs on (split.rest() or pattern); null when
    // EndAnchoredFind does not apply.
    private final Pattern findAsWholeValueMatch;
    private final boolean matchesEveryValueWhole;

    private Rx(Pattern pattern, MacroString macro, List<Set<String>> requiredLiterals, AnchoredSplit split) {
        this.pattern = pattern;
        this.macro = macro;
        this.requiredLiterals = requiredLiterals;
        this.split = split;
        Pattern searched = split != null ? split.rest() : pattern;
        this.findAsWholeValueMatch = searched == null ? null : EndAnchoredFind.asWholeValueMatch(searched);
        this.matchesEveryValueWhole = pattern != null && WholeValueRegex.matchesEveryValueWhole(pattern);
    }

    /** Factory for the registry; compiles the pattern now unless it contains macros. */
    public static Operator create(OperatorArgs args) {
        MacroString parsed = args.macro();
        if (parsed.hasMacros()) {
            return new Rx(null, parsed, List.of(), null);
        }
        Pattern compiled = ModSecRegex.compile(args.argument(), false);
        return new Rx(compiled, null, RequiredLiterals.of(compiled.pattern()), AnchoredSplit.of(compiled));
    }

    /** Literal clauses every match satisfies, found by {@link RequiredLiterals}; empty when none are. */
    @Override
    public List<Set<String>> requiredLiterals() {
        return requiredLiterals;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        if (matchesEveryValueWhole) {
            if (context.capturing()) {
                context.capture(0, input);
                removeCapturesAbove(context, 0);
            }
            return true;
        }
        Matcher matcher = pattern == null ? findExpanded(context, input)
                : split != null ? splitMatch(context, input) : find(context, pattern, input);
        if (matcher == null) {
            return false;
        }
        if (context.capturing()) {
            int groups = Math.min(matcher.groupCount(), 9);
            int last = 0;
            for (int g = groups; g > 0; g--) {
                if (matcher.start(g) >= 0) {
                    last = g;
                    break;
                }
            }
            for (int g = 0; g <= last; g++) {
                String value = matcher.group(g);
                context.capture(g, value == null ? "" : value);
            }
            removeCapturesAbove(context, last);
        }
        return true;
    }

    /** As ModSecurity v2 does, so no group of an earlier capture outlives this one. */
    private static void removeCapturesAbove(OperatorContext context, int last) {
        for (int g = last + 1; g <= 9; g++) {
            context.capture(g, null);
        }
    }

    /** The match of the pattern the macro expands to, or {@code null} (also when it does not compile). */
    private Matcher findExpanded(OperatorContext context, String input) {
        Pattern expanded;
        try {
            expanded = ModSecRegex.compile(context.expand(macro), false);
        } catch (SecLangException e) {
            return null;
        }
        Matcher matcher = expanded.matcher(input);
        return matcher.find() ? matcher : null;
    }

    /** The match of the split pattern, in the order {@link AnchoredSplit} gives, or {@code null}. */
    private Matcher splitMatch(OperatorContext context, String input) {
        if (split.before() != null && context.capturing()) {
            Matcher before = context.matcher(split.before(), input);
            if (before.lookingAt()) {
                return before;
            }
        }
        Matcher anchored = context.matcher(split.anchored(), input);
        return anchored.lookingAt() ? anchored : find(context, split.rest(), input);
    }

    /**
     * A matcher that found {@code searched} (a constant pattern) in {@code input}, or {@code null}. Without
     * {@code capture} only the verdict counts, and it may come from {@link #findAsWholeValueMatch}.
     */
    private Matcher find(OperatorContext context, Pattern searched, String input) {
        if (findAsWholeValueMatch != null) {
            Matcher whole = context.matcher(findAsWholeValueMatch, input);
            if (!whole.matches()) {
                return null;
            }
            if (!context.capturing()) {
                return whole;
            }
        }
        Matcher matcher = context.matcher(searched, input);
        return matcher.find() ? matcher : null;
    }
}
