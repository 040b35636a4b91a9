package dev.parapet.engine;

/** What happens when a body exceeds its limit ({@code SecRequestBodyLimitAction}, {@code SecResponseBodyLimitAction}). */
public enum BodyLimitAction {
    /** Refuse the transaction: 413 for a request, 500 for a response. */
    REJECT,
    /** Inspect the part within the limit and let the rest through uninspected. */
    PROCESS_PARTIAL
}
