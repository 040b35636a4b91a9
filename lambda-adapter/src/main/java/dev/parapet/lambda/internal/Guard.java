package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.lambda.EventType;
import dev.parapet.lambda.LambdaAuditRecord.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invocation flow shared by every handler form: map the event, inspect the request, call the wrapped
 * handler only when allowed, inspect its response, and answer in the event's own response shape. Parapet's
 * own failures fail closed (503) and never escape as exceptions; the wrapped handler's exceptions pass
 * through unchanged.
 */
public final class Guard {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final Supplier<Firewall> firewalls;
    private final GuardSettings settings;

    public Guard(Supplier<Firewall> firewalls, GuardSettings settings) {
        this.firewalls = Objects.requireNonNull(firewalls, "firewalls");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GuardSettings settings() {
        return settings;
    }

    /** Runs one invocation. */
    public <O, X extends Exception> O run(Context context, Exchange<O, X> exchange) throws X {
        HttpRequestData request;
        try {
            request = exchange.request();
        } catch (MalformedEventException e) {
            return rejectMalformed(context, exchange, e);
        } catch (RuntimeException e) {
            // A shape no check anticipated: still the event's fault, and still no exception out of the handler.
            LOG.warn("Parapet: could not read {} event", exchange.type(), e);
            return rejectMalformed(context, exchange, new MalformedEventException("event could not be read"));
        }
        Inspection inspection;
        try {
            inspection = Inspection.start(firewalls.get(), settings, context, request);
        } catch (RuntimeException e) {
            String id = fallbackId(context);
            LOG.error("Parapet: firewall unavailable, failing closed (transaction {})", id, e);
            Reply reply = Reply.unavailable(id);
            Inspection.auditRejected(settings, context, exchange.type(), id, Outcome.FAILED, reply.status(), reply.detail());
            return exchange.reply(reply);
        }
        try (inspection) {
            Optional<Interruption> verdict;
            try {
                verdict = inspection.request();
            } catch (RuntimeException e) {
                return failClosed(inspection, exchange, e);
            }
            if (verdict.isPresent()) {
                return answer(inspection, exchange, Reply.blocked(verdict.get(), inspection.transactionId()));
            }
            O result = exchange.invoke();
            if (result == null) {
                return null;
            }
            HttpResponseData response;
            try {
                response = exchange.response(result);
                verdict = inspection.response(response);
            } catch (RuntimeException e) {
                return failClosed(inspection, exchange, e);
            }
            if (verdict.isPresent()) {
                return answer(inspection, exchange, Reply.blocked(verdict.get(), inspection.transactionId()));
            }
            inspection.sent(response.status());
            return result;
        }
    }

    private <O> O rejectMalformed(Context context, Exchange<O, ?> exchange, MalformedEventException e) {
        EventType type = exchange.type();
        String id = fallbackId(context);
        LOG.warn("Parapet: rejected malformed {} event ({}), transaction {}", type, e.getMessage(), id);
        Reply reply = Reply.malformed(e, id);
        Inspection.auditRejected(settings, context, type, id, Outcome.MALFORMED, reply.status(), reply.detail());
        return exchange.reply(reply);
    }

    private static <O> O answer(Inspection inspection, Exchange<O, ?> exchange, Reply reply) {
        inspection.sent(reply.status());
        return exchange.reply(reply);
    }

    private static <O> O failClosed(Inspection inspection, Exchange<O, ?> exchange, RuntimeException e) {
        LOG.error("Parapet: inspection failed, failing closed (transaction {})", inspection.transactionId(), e);
        inspection.failed();
        return answer(inspection, exchange, Reply.unavailable(inspection.transactionId()));
    }

    private static String fallbackId(Context context) {
        String id = Inspection.awsRequestId(context);
        return id.isEmpty() ? UUID.randomUUID().toString() : id;
    }
}
