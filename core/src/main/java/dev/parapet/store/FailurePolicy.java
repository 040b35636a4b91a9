package dev.parapet.store;

/** What a check does when its {@link StateStore} is unavailable. */
public enum FailurePolicy {
    /** Let the request through as if the check had passed (availability first). */
    FAIL_OPEN,
    /** Refuse the request with 503 Service Unavailable (protection first). */
    FAIL_CLOSED
}
