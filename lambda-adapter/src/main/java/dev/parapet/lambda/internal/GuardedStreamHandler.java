package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.parapet.lambda.EventType;
import dev.parapet.lambda.LambdaAuditRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stream handler wrapped by a {@link Guard}: reads the raw JSON event, and passes the same bytes to the
 * wrapped handler when the request is allowed. The handler's output is buffered so the response can be
 * inspected before any of it is sent.
 */
public final class GuardedStreamHandler implements RequestStreamHandler {

    /** Above Lambda's 6 MB synchronous payload limit, so a legitimate event or response always fits. */
    static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

    private final Guard guard;
    private final RequestStreamHandler handler;

    public GuardedStreamHandler(Guard guard, RequestStreamHandler handler) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BoundedBuffer event;
        try {
            event = BoundedBuffer.readAll(input, MAX_PAYLOAD_BYTES, "event");
        } catch (BoundedBuffer.TooLargeException e) {
            String id = Inspection.awsRequestId(context);
            Reply reply = new Reply(413, "malformed event: event too large", id, null);
            Inspection.auditRejected(guard.settings(), context, EventType.UNKNOWN, id,
                    LambdaAuditRecord.Outcome.MALFORMED, reply.status(), reply.detail());
            output.write(JsonEvents.reply(EventType.UNKNOWN, false, reply));
            return;
        }
        byte[] result = guard.run(context, new StreamExchange(event, context));
        if (result != null) {
            output.write(result);
        }
    }

    private final class StreamExchange implements Exchange<byte[], IOException> {
        private final BoundedBuffer event;
        private final Context context;
        private EventType type = EventType.UNKNOWN;
        private boolean multiValueHeaders;

        StreamExchange(BoundedBuffer event, Context context) {
            this.event = event;
            this.context = context;
        }

        @Override
        public EventType type() {
            return type;
        }

        @Override
        public HttpRequestData request() throws MalformedEventException {
            JsonEvents.Event parsed = JsonEvents.parse(event.array(), event.size());
            type = parsed.type();
            multiValueHeaders = parsed.root().get("multiValueHeaders") != null;
            return JsonEvents.request(parsed, guard.settings());
        }

        @Override
        public byte[] invoke() throws IOException {
            BoundedBuffer out = new BoundedBuffer(MAX_PAYLOAD_BYTES, "handler response");
            handler.handleRequest(new ByteArrayInputStream(event.array(), 0, event.size()), out, context);
            return Arrays.copyOf(out.array(), out.size());
        }

        @Override
        public HttpResponseData response(byte[] out) {
            return JsonEvents.response(out, out.length);
        }

        @Override
        public byte[] reply(Reply reply) {
            return JsonEvents.reply(type, multiValueHeaders, reply);
        }
    }
}
