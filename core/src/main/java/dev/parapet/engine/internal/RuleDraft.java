package dev.parapet.engine.internal;

import dev.parapet.actions.Action;
import dev.parapet.actions.Disruptive;
import dev.parapet.actions.RuleSettings;
import dev.parapet.seclang.MacroString;
import dev.parapet.seclang.VariableSpec;
import dev.parapet.transformations.Transformation;
import java.util.ArrayList;
import java.util.List;

/** A rule while the rule set is loading: mutable, so exclusions and updates can still change it. */
public final class RuleDraft implements RuleSettings {

    final String file;
    final int line;
    final String markerName;

    int id;
    int phase = 2;
    boolean phaseSet;
    MacroString message;
    MacroString logData;
    String severity;
    final List<String> tags = new ArrayList<>();
    String version;
    String revision;
    int maturity;
    int accuracy;
    final List<Transformation> transformations = new ArrayList<>();
    boolean chain;
    int skip;
    String skipAfter;
    Disruptive disruptive;
    int status;
    MacroString redirect;
    boolean capture;
    boolean multiMatch;
    Boolean log;
    Boolean auditLog;
    final List<Action> onMatch = new ArrayList<>();

    final List<VariableSpec> targets = new ArrayList<>();
    String operatorName;
    String operatorArgument;
    boolean negated;
    dev.parapet.operators.Operator operator;
    RuleDraft chained;
    /** The SecDefaultAction disruption in force where the rule was written (what {@code block} means). */
    RulesetCompiler.DefaultDisruption blockDefaults;
    /** The rule text as written, for error messages and the audit log. */
    String source;

    RuleDraft(String file, int line, String markerName) {
        this.file = file;
        this.line = line;
        this.markerName = markerName;
    }

    boolean isMarker() {
        return markerName != null;
    }

    @Override
    public void id(int id) {
        this.id = id;
    }

    @Override
    public void phase(int phase) {
        this.phase = phase;
        this.phaseSet = true;
    }

    @Override
    public void message(MacroString message) {
        this.message = message;
    }

    @Override
    public void logData(MacroString logData) {
        this.logData = logData;
    }

    @Override
    public void severity(String severity) {
        this.severity = severity;
    }

    @Override
    public void tag(String tag) {
        tags.add(tag);
    }

    @Override
    public void version(String version) {
        this.version = version;
    }

    @Override
    public void revision(String revision) {
        this.revision = revision;
    }

    @Override
    public void maturity(int maturity) {
        this.maturity = maturity;
    }

    @Override
    public void accuracy(int accuracy) {
        this.accuracy = accuracy;
    }

    @Override
    public void transformation(Transformation transformation) {
        transformations.add(transformation);
    }

    @Override
    public void clearTransformations() {
        transformations.clear();
    }

    @Override
    public void chain() {
        this.chain = true;
    }

    @Override
    public void skip(int rules) {
        this.skip = rules;
    }

    @Override
    public void skipAfter(String marker) {
        this.skipAfter = marker;
    }

    @Override
    public void disruptive(Disruptive action) {
        this.disruptive = action;
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public void redirect(MacroString url) {
        this.redirect = url;
    }

    @Override
    public void capture() {
        this.capture = true;
    }

    @Override
    public void multiMatch() {
        this.multiMatch = true;
    }

    @Override
    public void log(boolean log) {
        this.log = log;
    }

    @Override
    public void auditLog(boolean auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void onMatch(Action action) {
        onMatch.add(action);
    }

    /** The message as written, for {@code SecRuleRemoveByMsg}. */
    String messageText() {
        return message == null ? "" : message.source();
    }
}
