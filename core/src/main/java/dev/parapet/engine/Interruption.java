package dev.parapet.engine;

import dev.parapet.actions.Disruptive;

/**
 * A rule or a protection check stopped the transaction. Adapters answer with {@link #status()} (or
 * redirect to {@link #redirectUrl()}, or drop the connection), and add a {@code Retry-After} header when
 * {@link #retryAfterSeconds()} is positive.
 *
 * <p>A rate-limit throttle is a {@link Disruptive#DENY} with status 429 and a {@code Retry-After}, so an
 * adapter that only knows deny/drop/redirect still answers correctly; {@link #reason()} tells protection
 * verdicts ({@code rate-limit:NAME}, {@code ban}, {@code ip-deny-list}, {@code store-unavailable}) apart
 * from rule interruptions, whose reason is {@code null}.
 *
 * @param ruleId the rule whose disruptive action fired (0 for an engine limit or a protection check)
 * @param action {@link Disruptive#DENY}, {@link Disruptive#DROP} or {@link Disruptive#REDIRECT}
 * @param status the HTTP status to answer with
 * @param redirectUrl the target of a redirect, else {@code null}
 * @param phase the phase in which the transaction was stopped (protection checks stop it in phase 1)
 * @param retryAfterSeconds seconds for a {@code Retry-After} header, or 0 for none
 * @param reason what stopped a transaction other than a rule, else {@code null}
 */
public record Interruption(int ruleId, Disruptive action, int status, String redirectUrl, int phase,
        long retryAfterSeconds, String reason) {

    /** A rule or engine-limit interruption (no {@code Retry-After}, no reason). */
    public Interruption(int ruleId, Disruptive action, int status, String redirectUrl, int phase) {
        this(ruleId, action, status, redirectUrl, phase, 0, null);
    }

    /** 429 Too Many Requests with {@code Retry-After}. */
    public static Interruption throttle(long retryAfterSeconds, String reason) {
        return new Interruption(0, Disruptive.DENY, 429, null, 1, Math.max(1, retryAfterSeconds), reason);
    }

    /** A refusal by a protection check before the rules run, e.g. 403 for a deny-listed address. */
    public static Interruption refuse(int status, long retryAfterSeconds, String reason) {
        return new Interruption(0, Disruptive.DENY, status, null, 1, Math.max(0, retryAfterSeconds), reason);
    }

    /** Whether a protection check (list, ban, rate limit) rather than a rule stopped the transaction. */
    public boolean byProtection() {
        return reason != null;
    }
}
