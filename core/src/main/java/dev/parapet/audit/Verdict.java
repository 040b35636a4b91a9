package dev.parapet.audit;

/** What the firewall did with a transaction, as the audit log reports it. */
public enum Verdict {
    /** No disruptive rule matched: the exchange went through. */
    ALLOWED,
    /** A disruptive rule matched in detection-only mode: it would have been stopped, and was let through. */
    DETECTED,
    /** A rule (or an engine limit) stopped the exchange. */
    BLOCKED;

    /** The lowercase name used in the JSON audit log. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
