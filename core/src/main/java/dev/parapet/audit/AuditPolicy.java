package dev.parapet.audit;

/** Which transactions get a JSON audit event. ModSecurity-style error lines are written for logged matches regardless. */
public enum AuditPolicy {
    /**
     * As the rules' {@code SecAuditEngine} (and {@code ctl:auditEngine}) say; with the default {@code RelevantOnly},
     * transactions with a logged match or an interruption.
     */
    RELEVANT,
    /** Every transaction. */
    ALL,
    /** No JSON events (error lines only). */
    OFF
}
