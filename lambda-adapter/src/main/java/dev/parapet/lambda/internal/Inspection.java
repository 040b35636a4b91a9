package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.parapet.audit.AuditEvent;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.Transaction;
import dev.parapet.lambda.EventType;
import dev.parapet.lambda.LambdaAuditRecord;
import dev.parapet.lambda.LambdaAuditRecord.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation's transaction: feeds it the request and the response and writes the audit record
 * when closed. Not thread-safe, like the transaction.
 */
public final class Inspection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Inspection.class);
    private static final int MAX_AUDIT_URI = 4096;

    private final Transaction tx;
    private final boolean auditEverything;
    private final GuardSettings settings;
    private final HttpRequestData request;
    private final String awsRequestId;
    private final Instant start = Instant.now();
    private int status;
    private boolean failed;

    private Inspection(Transaction tx, boolean auditEverything, GuardSettings settings, HttpRequestData request,
            String awsRequestId) {
        this.tx = tx;
        this.auditEverything = auditEverything;
        this.settings = settings;
        this.request = request;
        this.awsRequestId = awsRequestId;
    }

    /**
     * Starts a transaction. Its id is the Lambda request id when there is one: unique per invocation,
     * safe across SnapStart restores, and the id CloudWatch already shows for the invocation.
     */
    public static Inspection start(Firewall firewall, GuardSettings settings, Context context, HttpRequestData request) {
        String requestId = awsRequestId(context);
        Transaction tx = requestId.isEmpty() ? firewall.newTransaction() : firewall.newTransaction(requestId);
        return new Inspection(tx, "On".equals(firewall.settings().auditEngine()), settings, request, requestId);
    }

    /** The Lambda request id, or empty. */
    public static String awsRequestId(Context context) {
        if (context == null) {
            return "";
        }
        try {
            String id = context.getAwsRequestId();
            return id == null ? "" : id;
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The transaction id. */
    public String transactionId() {
        return tx.id();
    }

    /** Runs the request phases; an interruption means the handler must not be called. */
    public Optional<Interruption> request() {
        tx.processConnection(ByteStrings.of(request.clientIp()), 0, "", request.serverPort());
        tx.processUri(ByteStrings.of(request.method()), ByteStrings.of(request.rawUri()), request.protocol());
        for (Header h : request.headers()) {
            tx.addRequestHeader(ByteStrings.of(h.name()), ByteStrings.of(h.value()));
        }
        Optional<Interruption> verdict = tx.processRequestHeaders();
        if (verdict.isPresent()) {
            return verdict;
        }
        byte[] body = request.body();
        if (body.length > 0) {
            tx.appendRequestBody(body, 0, body.length);
        }
        return tx.processRequestBody();
    }

    /** Runs the response phases on what the handler returned. */
    public Optional<Interruption> response(HttpResponseData response) {
        for (Header h : response.headers()) {
            tx.addResponseHeader(ByteStrings.of(h.name()), ByteStrings.of(h.value()));
        }
        Optional<Interruption> verdict = tx.processResponseHeaders(response.status(), request.protocol());
        if (verdict.isPresent()) {
            return verdict;
        }
        if (tx.isResponseBodyInspected()) {
            byte[] body = response.body();
            tx.appendResponseBody(body, 0, body.length);
        }
        return tx.processResponseBody();
    }

    /** Records the status sent to the client. */
    public void sent(int status) {
        this.status = status;
    }

    /** Marks the inspection as failed: Parapet answered with an error instead of a verdict. */
    public void failed() {
        this.failed = true;
    }

    /** Runs the logging phase and writes the audit record when the audit engine asks for one. */
    @Override
    public void close() {
        try {
            tx.processLogging();
            if (settings.sharedAuditLog() != null) {
                settings.sharedAuditLog().record(tx, auditRequest(), status);
                return;
            }
            Optional<Interruption> interruption = tx.interruption();
            if (failed || interruption.isPresent() || (tx.isAuditRelevant() && (auditEverything || anyLogged()))) {
                Outcome outcome = failed ? Outcome.FAILED : interruption.isPresent() ? Outcome.BLOCKED : Outcome.ALLOWED;
                write(settings, auditRecord(outcome, interruption));
            }
        } catch (RuntimeException e) {
            LOG.error("Parapet: logging phase failed for transaction {}", tx.id(), e);
        } finally {
            tx.close();
        }
    }

    /** The request as the common audit log records it: byte strings, as passed to the engine. */
    private AuditEvent.Request auditRequest() {
        List<AuditEvent.Header> headers = new ArrayList<>(request.headers().size());
        for (Header h : request.headers()) {
            headers.add(new AuditEvent.Header(ByteStrings.of(h.name()), ByteStrings.of(h.value())));
        }
        return new AuditEvent.Request(ByteStrings.of(request.clientIp()), 0, "", request.serverPort(),
                ByteStrings.of(request.method()), ByteStrings.of(request.rawUri()), request.protocol(), headers);
    }

    /**
     * Whether a rule that logs matched. As in ModSecurity, {@code nolog} implies {@code noauditlog}: CRS's
     * setup rules match on every request with {@code nolog}, and must not make every request an audit event.
     */
    private boolean anyLogged() {
        for (MatchedRule m : tx.matchedRules()) {
            if (m.log()) {
                return true;
            }
        }
        return false;
    }

    private LambdaAuditRecord auditRecord(Outcome outcome, Optional<Interruption> interruption) {
        List<LambdaAuditRecord.Rule> rules = new ArrayList<>();
        for (MatchedRule m : tx.matchedRules()) {
            if (!m.log() && !m.disruptive()) {
                continue;
            }
            String variable = ByteStrings.toText(m.matchedVariable());
            String data = isSecret(variable) ? "[redacted: " + variable + "]" : ByteStrings.toText(m.data());
            rules.add(new LambdaAuditRecord.Rule(m.id(), m.phase(), ByteStrings.toText(m.message()), data,
                    m.severity(), m.tags(), variable, m.disruptive()));
        }
        String uri = request.rawUri();
        if (uri.length() > MAX_AUDIT_URI) {
            uri = uri.substring(0, MAX_AUDIT_URI) + "...";
        }
        return new LambdaAuditRecord(start, awsRequestId, tx.id(), request.type(), outcome, request.clientIp(),
                request.method(), uri, status, interruption.map(Interruption::ruleId).orElse(0),
                interruption.map(Interruption::phase).orElse(0), orEmpty(tx.tx("blocking_inbound_anomaly_score")),
                orEmpty(tx.tx("blocking_outbound_anomaly_score")), rules, tx.durationMicros(),
                failed ? "request could not be inspected" : "");
    }

    /** Cookie and credential values stay out of the logs, even when a rule matched them. */
    static boolean isSecret(String variable) {
        String v = variable.toLowerCase(Locale.ROOT);
        return v.startsWith("request_cookies") || v.equals("request_headers:cookie")
                || v.equals("request_headers:authorization") || v.equals("request_headers:proxy-authorization")
                || v.equals("request_headers:x-api-key");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An audit record for an event that never became a transaction. */
    public static void auditRejected(GuardSettings settings, Context context, EventType type, String transactionId,
            Outcome outcome, int status, String error) {
        write(settings, new LambdaAuditRecord(Instant.now(), awsRequestId(context), transactionId, type, outcome,
                "", "", "", status, 0, 0, "", "", List.of(), 0, error));
    }

    private static void write(GuardSettings settings, LambdaAuditRecord record) {
        try {
            settings.auditLog().write(record);
        } catch (RuntimeException e) {
            LOG.warn("Parapet: audit log failed for transaction {}", record.transactionId(), e);
        }
    }
}
