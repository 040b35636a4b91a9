package dev.parapet.engine;

import dev.parapet.actions.Disruptive;

/**
 * A rule stopped the transaction. Adapters answer with {@link #status()} (or redirect to
 * {@link #redirectUrl()}, or drop the connection).
 *
 * @param ruleId the rule whose disruptive action fired (0 for an engine limit such as an oversized body)
 * @param action {@link Disruptive#DENY}, {@link Disruptive#DROP} or {@link Disruptive#REDIRECT}
 * @param status the HTTP status to answer with
 * @param redirectUrl the target of a redirect, else {@code null}
 * @param phase the phase in which the transaction was stopped
 */
public record Interruption(int ruleId, Disruptive action, int status, String redirectUrl, int phase) {
}
