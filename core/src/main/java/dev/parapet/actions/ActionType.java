package dev.parapet.actions;

/** The kinds of SecLang actions, as the ModSecurity reference manual groups them. */
public enum ActionType {
    /** Describes the rule (id, msg, tag, …); applied at load time. */
    METADATA,
    /** Decides what happens to the transaction (deny, pass, …); applied at load time, acted on by the engine. */
    DISRUPTIVE,
    /** Changes how the rule is evaluated (t, capture, multiMatch, log, …); applied at load time. */
    DATA,
    /** Changes rule flow (chain, skip, skipAfter); applied at load time. */
    FLOW,
    /** Runs when the rule matches (setvar, ctl, initcol, …). */
    NON_DISRUPTIVE
}
