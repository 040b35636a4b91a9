package dev.parapet.lambda.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.parapet.actions.Disruptive;
import dev.parapet.engine.BlockReplies;
import dev.parapet.engine.Interruption;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response Parapet sends in place of the handler's: a small JSON body with the status and the
 * transaction id. Nothing from the request is echoed; the only variable text is the transaction id and,
 * for a malformed event, a fixed description of the problem, both written through a JSON encoder.
 *
 * @param status the HTTP status
 * @param detail a fixed description for malformed events, or {@code null}
 * @param transactionId the id to quote when reporting the block
 * @param location the redirect target, or {@code null}
 */
public record Reply(int status, String detail, String transactionId, String location) {

    /** The reply for a rule's interruption. */
    public static Reply blocked(Interruption interruption, String transactionId) {
        if (interruption.action() == Disruptive.REDIRECT) {
            String target = ByteStrings.toText(interruption.redirectUrl());
            if (BlockReplies.isSafeLocation(target)) {
                return new Reply(interruption.status(), null, transactionId, target);
            }
            return new Reply(403, null, transactionId, null);
        }
        int status = interruption.status() >= 200 && interruption.status() <= 599 ? interruption.status() : 403;
        return new Reply(status, null, transactionId, null);
    }

    /** The reply for an event that is not a usable HTTP request. */
    public static Reply malformed(MalformedEventException e, String transactionId) {
        return new Reply(400, "malformed event: " + e.getMessage(), transactionId, null);
    }

    /** The reply when the firewall could not inspect the request: fail closed. */
    public static Reply unavailable(String transactionId) {
        return new Reply(503, "request could not be inspected", transactionId, null);
    }

    /** The response headers, in order. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", "application/json");
        h.put("cache-control", "no-store");
        h.put("x-content-type-options", "nosniff");
        if (location != null) {
            h.put("location", location);
        }
        return h;
    }

    /** The JSON body: {@code {"status":403,"error":"Forbidden","transactionId":"..."}}. */
    public String body() {
        StringWriter w = new StringWriter(96);
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("error", BlockReplies.reasonPhrase(status));
            if (detail != null) {
                g.writeStringField("detail", detail);
            }
            g.writeStringField("transactionId", transactionId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The status line text, as an ALB wants it in {@code statusDescription}. */
    public String statusDescription() {
        return status + " " + BlockReplies.reasonPhrase(status);
    }
}
