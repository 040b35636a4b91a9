package dev.parapet.lambda;

import java.time.Instant;
import java.util.List;

/**
 * What happened to one invocation, for the audit log. Text is Unicode; values that may carry secrets
 * (matched cookie and authorization values) are already redacted.
 *
 * @param time when the invocation started
 * @param awsRequestId the Lambda request id, or empty
 * @param transactionId the Parapet transaction id (returned to blocked clients)
 * @param eventType the kind of event
 * @param outcome what Parapet did
 * @param clientIp the client address used for the rules, or empty
 * @param method the request method, or empty for a malformed event
 * @param uri the request target (path and query), or empty
 * @param status the status sent to the client, or 0 when the wrapped handler's response was not seen
 * @param ruleId the rule that blocked (0 for an engine limit or when not blocked)
 * @param phase the phase that blocked, or 0
 * @param inboundAnomalyScore CRS {@code tx.blocking_inbound_anomaly_score}, or empty
 * @param outboundAnomalyScore CRS {@code tx.blocking_outbound_anomaly_score}, or empty
 * @param rules the matched rules that log
 * @param durationMicros time spent in the transaction, wrapped handler included
 * @param error why the event was rejected or not inspected, or empty
 */
public record LambdaAuditRecord(Instant time, String awsRequestId, String transactionId, EventType eventType,
        Outcome outcome, String clientIp, String method, String uri, int status, int ruleId, int phase,
        String inboundAnomalyScore, String outboundAnomalyScore, List<Rule> rules, long durationMicros,
        String error) {

    public LambdaAuditRecord {
        rules = List.copyOf(rules);
    }

    /** What Parapet did with the invocation. */
    public enum Outcome {
        /** Inspected and passed on (in detection-only mode, also when rules would have blocked). */
        ALLOWED,
        /** Blocked by a rule or an engine limit, in the request or the response. */
        BLOCKED,
        /** Rejected with 400 because the event was not a usable HTTP request. */
        MALFORMED,
        /** Not inspected because the firewall could not be built or failed; answered with an error status. */
        FAILED
    }

    /**
     * A matched rule.
     *
     * @param id the rule id
     * @param phase the phase it matched in
     * @param message its expanded {@code msg}
     * @param data its expanded {@code logdata} (redacted for cookie and authorization values)
     * @param severity its severity, or empty
     * @param tags its tags
     * @param matchedVariable the variable it matched, e.g. {@code ARGS:q}
     * @param disruptive whether it blocked, or would have in detection-only mode
     */
    public record Rule(int id, int phase, String message, String data, String severity, List<String> tags,
            String matchedVariable, boolean disruptive) {

        public Rule {
            tags = List.copyOf(tags);
        }
    }
}
