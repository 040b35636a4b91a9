package dev.parapet.actions;

/** The disruptive actions: what a matching rule does to the transaction. */
public enum Disruptive {
    /** Continue with the next rule. */
    PASS,
    /** Stop the transaction with an error status (403 unless {@code status} says otherwise). */
    DENY,
    /** Close the connection; adapters without a connection to drop answer like {@link #DENY}. */
    DROP,
    /** Redirect the client to a URL. */
    REDIRECT,
    /** Stop rule processing and let the transaction through ({@code allow}). */
    ALLOW,
    /** Skip the rest of the current phase ({@code allow:phase}). */
    ALLOW_PHASE,
    /** Skip the remaining request phases ({@code allow:request}). */
    ALLOW_REQUEST,
    /** Do what the phase's {@code SecDefaultAction} does. */
    BLOCK
}
