package dev.parapet.lambda.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parapet.lambda.LambdaAuditLog;
import dev.parapet.lambda.LambdaAuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes each record as one JSON object on its own line. Stands in for the shared {@code dev.parapet.audit}
 * writer until the adapter can use it.
 */
public final class JsonLinesAuditLog implements LambdaAuditLog {

    private final OutputStream out;

    public JsonLinesAuditLog(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void write(LambdaAuditRecord record) {
        byte[] line = toJsonLine(record);
        synchronized (out) {
            try {
                out.write(line);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The record as a JSON object followed by a newline. */
    public static byte[] toJsonLine(LambdaAuditRecord r) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("type", "parapet.audit");
            g.writeStringField("time", r.time().toString());
            g.writeStringField("aws_request_id", r.awsRequestId());
            g.writeStringField("transaction_id", r.transactionId());
            g.writeStringField("event_type", r.eventType().name());
            g.writeStringField("outcome", r.outcome().name());
            g.writeStringField("client_ip", r.clientIp());
            g.writeStringField("method", r.method());
            g.writeStringField("uri", r.uri());
            g.writeNumberField("status", r.status());
            g.writeNumberField("rule_id", r.ruleId());
            g.writeNumberField("phase", r.phase());
            g.writeStringField("inbound_anomaly_score", r.inboundAnomalyScore());
            g.writeStringField("outbound_anomaly_score", r.outboundAnomalyScore());
            g.writeNumberField("duration_us", r.durationMicros());
            if (!r.error().isEmpty()) {
                g.writeStringField("error", r.error());
            }
            g.writeArrayFieldStart("rules");
            for (LambdaAuditRecord.Rule rule : r.rules()) {
                g.writeStartObject();
                g.writeNumberField("id", rule.id());
                g.writeNumberField("phase", rule.phase());
                g.writeStringField("severity", rule.severity());
                g.writeStringField("message", rule.message());
                g.writeStringField("data", rule.data());
                g.writeStringField("variable", rule.matchedVariable());
                g.writeBooleanField("disruptive", rule.disruptive());
                g.writeArrayFieldStart("tags");
                for (String tag : rule.tags()) {
                    g.writeString(tag);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }
}
