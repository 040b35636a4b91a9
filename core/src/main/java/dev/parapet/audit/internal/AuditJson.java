package dev.parapet.audit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.parapet.audit.AuditEvent;
import dev.parapet.engine.Interruption;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Writes an {@link AuditEvent} as one line of ASCII JSON (everything else escaped). */
public final class AuditJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private AuditJson() {
    }

    public static String write(AuditEvent e) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", e.time().toString());
            g.writeStringField("transaction_id", text(e.transactionId()));
            AuditEvent.Request r = e.request();
            g.writeObjectFieldStart("client");
            g.writeStringField("address", text(r.clientAddress()));
            g.writeNumberField("port", r.clientPort());
            g.writeEndObject();
            g.writeObjectFieldStart("server");
            g.writeStringField("address", text(r.serverAddress()));
            g.writeNumberField("port", r.serverPort());
            g.writeEndObject();
            g.writeObjectFieldStart("request");
            g.writeStringField("method", text(r.method()));
            g.writeStringField("uri", text(r.uri()));
            g.writeStringField("protocol", text(r.protocol()));
            g.writeArrayFieldStart("headers");
            for (AuditEvent.Header h : r.headers()) {
                g.writeStartArray();
                g.writeString(text(h.name()));
                g.writeString(text(h.value()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("response");
            g.writeNumberField("status", e.responseStatus());
            g.writeEndObject();
            g.writeStringField("mode", e.mode().name().toLowerCase(Locale.ROOT));
            g.writeStringField("verdict", e.verdict().jsonName());
            Interruption i = e.interruption();
            if (i != null) {
                g.writeObjectFieldStart("interruption");
                g.writeNumberField("rule_id", i.ruleId());
                g.writeStringField("action", i.action().name().toLowerCase(Locale.ROOT));
                g.writeNumberField("status", i.status());
                g.writeNumberField("phase", i.phase());
                if (i.redirectUrl() != null) {
                    g.writeStringField("redirect_url", text(i.redirectUrl()));
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("anomaly_scores");
            for (Map.Entry<String, String> s : e.anomalyScores().entrySet()) {
                writeNumberOrString(g, s.getKey(), s.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("rules");
            for (AuditEvent.Rule rule : e.rules()) {
                g.writeStartObject();
                g.writeNumberField("id", rule.id());
                g.writeNumberField("phase", rule.phase());
                g.writeStringField("msg", text(rule.message()));
                g.writeStringField("data", text(rule.data()));
                g.writeStringField("severity", rule.severity());
                g.writeArrayFieldStart("tags");
                for (String t : rule.tags()) {
                    g.writeString(text(t));
                }
                g.writeEndArray();
                if (!rule.version().isEmpty()) {
                    g.writeStringField("ver", text(rule.version()));
                }
                g.writeStringField("matched_var", text(rule.matchedVariable()));
                g.writeStringField("matched_value", text(rule.matchedValue()));
                g.writeBooleanField("disruptive", rule.disruptive());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("duration_us", e.durationMicros());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeNumberOrString(JsonGenerator g, String name, String value) throws IOException {
        try {
            g.writeNumberField(name, Long.parseLong(value.strip()));
        } catch (NumberFormatException notANumber) {
            g.writeStringField(name, text(value));
        }
    }

    /**
     * A byte string as readable text: its bytes decoded as UTF-8 when they are valid UTF-8, else one character per
     * byte. Either way JSON escaping keeps the line ASCII and every byte recoverable.
     */
    static String text(String byteString) {
        if (byteString == null) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            if (c > 0xFF) {
                return byteString; // already text, not a byte string
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            return byteString;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(byteString.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return byteString;
        }
    }
}
