package dev.parapet.engine.internal;

import dev.parapet.actions.Action;
import dev.parapet.actions.Disruptive;
import dev.parapet.engine.MatchedRule;
import dev.parapet.operators.Operator;
import dev.parapet.seclang.MacroString;
import java.util.List;

/**
 * An immutable rule ready to run: targets, operator, transformation pipeline and the actions that
 * run on a match. A chain is a starter whose {@link #chained} points at the next link.
 */
public final class CompiledRule {

    public final int id;
    public final int phase;
    public final String file;
    public final int line;
    public final Target[] targets;
    public final Target[] exclusions;
    public final Operator operator;
    public final String operatorName;
    public final String operatorArgument;
    public final boolean negated;
    public final TransformPipeline pipeline;
    public final boolean capture;
    public final boolean multiMatch;
    public final boolean log;
    public final boolean auditLog;
    public final Disruptive disruptive;
    public final int status;
    public final MacroString redirect;
    public final MacroString message;
    public final MacroString logData;
    public final String severity;
    public final List<String> tags;
    public final String version;
    public final Action[] onMatch;
    public final int skip;
    public final String skipAfter;
    public final CompiledRule chained;
    /** Where this rule's phase list continues after {@code skipAfter}; -1 for the end of the phase. */
    int skipAfterIndex = -1;
    /**
     * The last match record of this (nolog) rule, handed out again while a transaction's match is identical:
     * CRS's bookkeeping rules match every request with the same variable and value. Shared by all threads
     * without locking: a {@link MatchedRule} is immutable (final fields), so a racy read
     * sees a whole record or {@code null}, and losing a racy write only costs a new record.
     */
    public MatchedRule lastMatch;
    /** A dense number for this top-level rule (0 to ruleCount-1), for per-transaction memo arrays. */
    int index;
    /** This rule's (or chain link's) slots in the program's {@link Program#screen() literal screen}. */
    int[] screenSlots = NO_SLOTS;
    private static final int[] NO_SLOTS = new int[0];

    CompiledRule(RuleDraft d, Target[] targets, Target[] exclusions, TransformPipeline pipeline,
            boolean log, boolean auditLog, Disruptive disruptive, int status, MacroString redirect,
            CompiledRule chained) {
        this.id = d.id;
        this.phase = d.phase;
        this.file = d.file;
        this.line = d.line;
        this.targets = targets;
        this.exclusions = exclusions;
        this.operator = d.operator;
        this.operatorName = d.operatorName;
        this.operatorArgument = d.operatorArgument;
        this.negated = d.negated;
        this.pipeline = pipeline;
        this.capture = d.capture;
        this.multiMatch = d.multiMatch;
        this.log = log;
        this.auditLog = auditLog;
        this.disruptive = disruptive;
        this.status = status;
        this.redirect = redirect;
        this.message = d.message;
        this.logData = d.logData;
        this.severity = d.severity;
        this.tags = List.copyOf(d.tags);
        this.version = d.version;
        this.onMatch = d.onMatch.toArray(new Action[0]);
        this.skip = d.skip;
        this.skipAfter = d.skipAfter;
        this.chained = chained;
        this.excludedVariables = new boolean[dev.parapet.variables.Variable.values().length];
        for (Target x : exclusions) {
            excludedVariables[x.variable().ordinal()] = true;
        }
    }

    /** Variables that have at least one {@code !} exclusion in this rule. */
    private final boolean[] excludedVariables;

    /** Whether an exclusion of this rule may remove entries of {@code v}. */
    public boolean hasExclusionFor(dev.parapet.variables.Variable v) {
        return excludedVariables[v.ordinal()];
    }

    public int index() {
        return index;
    }

    /**
     * The slots of this rule's operator in the program's literal screen: the operator can only match a value
     * in which the screen found every one of them. Empty when the operator is not screened.
     */
    public int[] screenSlots() {
        return screenSlots;
    }

    public int skipAfterIndex() {
        return skipAfterIndex;
    }

    public boolean hasTag(org.safere.Pattern tagRegex) {
        for (String tag : tags) {
            if (tagRegex.matcher(tag).find()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "rule " + id + " (" + file + ":" + line + ")";
    }
}
