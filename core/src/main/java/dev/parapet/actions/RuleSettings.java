package dev.parapet.actions;

import dev.parapet.seclang.MacroString;
import dev.parapet.transformations.Transformation;

/**
 * The rule under construction, as actions see it at load time. Each method records one property;
 * later actions of the same kind override earlier ones, except tags and transformations, which add up.
 */
public interface RuleSettings {

    void id(int id);

    void phase(int phase);

    void message(MacroString message);

    void logData(MacroString logData);

    void severity(String severity);

    void tag(String tag);

    void version(String version);

    void revision(String revision);

    void maturity(int maturity);

    void accuracy(int accuracy);

    /** Appends a transformation to the rule's pipeline. */
    void transformation(Transformation transformation);

    /** {@code t:none}: forgets the transformations inherited from SecDefaultAction and written so far. */
    void clearTransformations();

    void chain();

    void skip(int rules);

    void skipAfter(String marker);

    void disruptive(Disruptive action);

    void status(int status);

    void redirect(MacroString url);

    void capture();

    void multiMatch();

    void log(boolean log);

    void auditLog(boolean auditLog);

    /** Adds an action that runs each time the rule (or, for chains, the whole chain) matches. */
    void onMatch(Action action);
}
