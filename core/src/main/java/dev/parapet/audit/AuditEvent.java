package dev.parapet.audit;

import dev.parapet.audit.internal.AuditJson;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.RuleEngineMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished transaction as the audit log records it. Built by {@link AuditLog#event}; sensitive values are
 * already masked. Strings from the request are byte strings (one {@code char} per byte), as the engine sees them.
 *
 * @param time when the transaction was recorded
 * @param transactionId the transaction's unique id
 * @param request who sent what: addresses, request line and headers
 * @param responseStatus the status the client got (the block status when the transaction was stopped)
 * @param mode the engine mode in force at the end of the transaction
 * @param verdict what the firewall did
 * @param interruption what stopped the transaction, or {@code null}
 * @param anomalyScores CRS anomaly scores and thresholds ({@code TX} variables), by variable name, when set
 * @param rules the matched rules that log ({@code log} or {@code auditlog}), in match order
 * @param errorLines the ModSecurity-style error-log lines of the matches with {@code log}
 * @param durationMicros how long the transaction took so far, in microseconds
 */
public record AuditEvent(
        Instant time,
        String transactionId,
        Request request,
        int responseStatus,
        RuleEngineMode mode,
        Verdict verdict,
        Interruption interruption,
        Map<String, String> anomalyScores,
        List<Rule> rules,
        List<String> errorLines,
        long durationMicros) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(verdict, "verdict");
        anomalyScores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anomalyScores));
        rules = List.copyOf(rules);
        errorLines = List.copyOf(errorLines);
    }

    /** The interruption, if the transaction was stopped. */
    public Optional<Interruption> stoppedBy() {
        return Optional.ofNullable(interruption);
    }

    /** This event as one line of JSON (no line break), ASCII only. */
    public String toJson() {
        return AuditJson.write(this);
    }

    /**
     * The request side of a transaction, as the adapter passed it to the engine.
     *
     * @param clientAddress the client's IP address
     * @param clientPort the client's port
     * @param serverAddress the address the client connected to
     * @param serverPort the port the client connected to
     * @param method the request method
     * @param uri the request target as sent
     * @param protocol the protocol, e.g. {@code HTTP/1.1}
     * @param headers the request headers in arrival order
     */
    public record Request(String clientAddress, int clientPort, String serverAddress, int serverPort, String method,
            String uri, String protocol, List<Header> headers) {

        public Request {
            clientAddress = clientAddress == null ? "" : clientAddress;
            serverAddress = serverAddress == null ? "" : serverAddress;
            method = method == null ? "" : method;
            uri = uri == null ? "" : uri;
            protocol = protocol == null ? "" : protocol;
            headers = List.copyOf(headers);
        }

        /** The request line, e.g. {@code GET /a?b=c HTTP/1.1}. */
        public String requestLine() {
            return protocol.isEmpty() ? method + " " + uri : method + " " + uri + " " + protocol;
        }

        /** The first value of a header (name compared ignoring case), if present. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }
    }

    /** A request header. */
    public record Header(String name, String value) {

        public Header {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }

    /**
     * A matched rule.
     *
     * @param id the rule id
     * @param phase the phase it matched in
     * @param message its expanded {@code msg}
     * @param data its expanded {@code logdata}
     * @param severity its severity name, or empty
     * @param tags its tags
     * @param version its {@code ver}, or empty
     * @param matchedVariable the last matched variable, e.g. {@code ARGS:q}
     * @param matchedValue the last matched value, truncated to {@value AuditLog#MAX_VALUE_LENGTH} bytes
     * @param disruptive whether it stopped (or in detection-only mode would have stopped) the transaction
     */
    public record Rule(int id, int phase, String message, String data, String severity, List<String> tags,
            String version, String matchedVariable, String matchedValue, boolean disruptive) {

        public Rule {
            tags = List.copyOf(tags);
        }
    }
}
