package dev.parapet.servlet;

/**
 * Observes every exchange {@link ParapetFilter} inspected, once, after phase 5 and the audit log: for metrics,
 * dashboards or alerting. Runs on the request thread, so it must be quick; an exception it throws is logged and
 * does not affect the response.
 */
@FunctionalInterface
public interface ExchangeListener {

    /** The exchange ended as {@code outcome} says. */
    void completed(ExchangeOutcome outcome);
}
