package dev.parapet.audit;

import dev.parapet.audit.internal.Masking;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.Transaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns finished transactions into ModSecurity-style error lines and JSON audit events, masks sensitive values, and
 * hands both to an {@link AuditSink}. Immutable and thread-safe: one per firewall, shared by all requests.
 *
 * <pre>{@code
 * AuditLog audit = AuditLog.builder()
 *     .sink(FileAuditSink.open(Path.of("logs/audit.jsonl"), Path.of("logs/error.log")))
 *     .build();
 * // once per transaction, after phase 5 and before the response completes:
 * audit.record(tx, request, status);
 * }</pre>
 */
public final class AuditLog {

    /** Matched values in events are cut to this many bytes. */
    public static final int MAX_VALUE_LENGTH = 256;

    /** Headers whose values are masked unless configured otherwise. */
    public static final Set<String> DEFAULT_SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization",
            "cookie", "set-cookie", "x-api-key", "x-auth-token");

    /** The {@code TX} variables (CRS's and Parapet's rule sets) copied into {@link AuditEvent#anomalyScores()}. */
    static final List<String> SCORE_VARIABLES = List.of(
            "blocking_inbound_anomaly_score", "detection_inbound_anomaly_score", "inbound_anomaly_score_threshold",
            "blocking_outbound_anomaly_score", "detection_outbound_anomaly_score", "outbound_anomaly_score_threshold",
            "anomaly_score", "parapet_blocking_inbound_anomaly_score", "parapet_detection_inbound_anomaly_score",
            "blocking_paranoia_level", "detection_paranoia_level");

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditSink sink;
    private final AuditPolicy policy;
    private final Masking masking;
    private final Clock clock;

    private AuditLog(Builder b) {
        this.sink = b.sink != null ? b.sink : new Slf4jAuditSink();
        this.policy = b.policy;
        this.masking = new Masking(b.sensitiveHeaders, b.sensitiveArguments);
        this.clock = b.clock;
    }

    /** Starts a builder: SLF4J sink, {@link AuditPolicy#RELEVANT}, {@link #DEFAULT_SENSITIVE_HEADERS} masked. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default audit log: JSON events and error lines through SLF4J. */
    public static AuditLog slf4j() {
        return builder().build();
    }

    /** The sink this log writes to. */
    public AuditSink sink() {
        return sink;
    }

    /**
     * Writes a finished transaction: its error lines (matches with {@code log}) and, when the policy selects it,
     * its JSON event. Never throws for a sink failure; the failure is logged.
     *
     * @param tx the transaction, after {@link Transaction#processLogging()}
     * @param request the request as passed to the engine
     * @param responseStatus the status the client gets
     */
    public void record(Transaction tx, AuditEvent.Request request, int responseStatus) {
        List<String> lines = errorLines(tx);
        boolean audited = switch (policy) {
            case ALL -> true;
            case RELEVANT -> tx.isAuditRelevant();
            case OFF -> false;
        };
        if (lines.isEmpty() && !audited) {
            return;
        }
        try {
            Optional<AuditEvent> event = audited ? Optional.of(event(tx, request, responseStatus, lines))
                    : Optional.empty();
            sink.write(lines, event);
        } catch (RuntimeException e) {
            LOG.warn("Parapet audit log: writing transaction {} failed", tx.id(), e);
        }
    }

    /** The masked error-log lines of the transaction's matches with {@code log}, in match order. */
    public List<String> errorLines(Transaction tx) {
        List<String> lines = new ArrayList<>();
        for (MatchedRule m : tx.matchedRules()) {
            if (m.log()) {
                lines.add(masking.errorLine(m));
            }
        }
        return lines;
    }

    /** The transaction's audit event, masked, whatever the policy says. */
    public AuditEvent event(Transaction tx, AuditEvent.Request request, int responseStatus) {
        return event(tx, request, responseStatus, errorLines(tx));
    }

    private AuditEvent event(Transaction tx, AuditEvent.Request request, int responseStatus, List<String> lines) {
        List<AuditEvent.Rule> rules = new ArrayList<>();
        boolean wouldBlock = false;
        for (MatchedRule m : tx.matchedRules()) {
            wouldBlock |= m.disruptive();
            if (!m.log() && !m.auditLog()) {
                continue;
            }
            boolean masked = masking.isSensitive(m.matchedVariable());
            String value = masked ? Masking.MASK : truncate(m.matchedValue());
            rules.add(new AuditEvent.Rule(m.id(), m.phase(), m.message(), masked ? Masking.MASK : m.data(),
                    m.severity(), m.tags(), m.version(), m.matchedVariable(), value, m.disruptive()));
        }
        Map<String, String> scores = new LinkedHashMap<>();
        for (String name : SCORE_VARIABLES) {
            String v = tx.tx(name);
            if (v != null) {
                scores.put(name, v);
            }
        }
        Verdict verdict = tx.interruption().isPresent() ? Verdict.BLOCKED
                : wouldBlock ? Verdict.DETECTED : Verdict.ALLOWED;
        return new AuditEvent(clock.instant(), tx.id(), masking.request(request), responseStatus, tx.mode(), verdict,
                tx.interruption().orElse(null), scores, rules, lines, tx.durationMicros());
    }

    private static String truncate(String s) {
        return s.length() <= MAX_VALUE_LENGTH ? s : s.substring(0, MAX_VALUE_LENGTH) + "...";
    }

    /** Configures an {@link AuditLog}. Not thread-safe. */
    public static final class Builder {
        private AuditSink sink;
        private AuditPolicy policy = AuditPolicy.RELEVANT;
        private Set<String> sensitiveHeaders = lower(DEFAULT_SENSITIVE_HEADERS);
        private Set<String> sensitiveArguments = Set.of();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where to write (default: {@link Slf4jAuditSink}). */
        public Builder sink(AuditSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Which transactions get a JSON event (default {@link AuditPolicy#RELEVANT}). */
        public Builder policy(AuditPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Replaces the headers whose values are masked, in events and in matched values ({@code
         * REQUEST_HEADERS:name}); names ignore case. Cookie values ({@code REQUEST_COOKIES}) are masked while
         * {@code cookie} is in the set.
         */
        public Builder sensitiveHeaders(Set<String> names) {
            this.sensitiveHeaders = lower(names);
            return this;
        }

        /** Arguments whose matched values are masked, e.g. {@code password} (default: none); names ignore case. */
        public Builder sensitiveArguments(Set<String> names) {
            this.sensitiveArguments = lower(names);
            return this;
        }

        /** The clock for event times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public AuditLog build() {
            return new AuditLog(this);
        }

        private static Set<String> lower(Set<String> names) {
            Set<String> out = new TreeSet<>();
            for (String n : names) {
                out.add(n.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(out);
        }
    }
}
