package dev.parapet.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.parapet.lambda.EventType;
import java.util.Objects;

/**
 * A typed handler wrapped by a {@link Guard}.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public final class GuardedHandler<I, O> implements RequestHandler<I, O> {

    private final Guard guard;
    private final EventAdapter<I, O> adapter;
    private final RequestHandler<I, O> handler;

    public GuardedHandler(Guard guard, EventAdapter<I, O> adapter, RequestHandler<I, O> handler) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public O handleRequest(I event, Context context) {
        return guard.run(context, new Exchange<O, RuntimeException>() {
            @Override
            public EventType type() {
                return adapter.type();
            }

            @Override
            public HttpRequestData request() throws MalformedEventException {
                if (event == null) {
                    throw new MalformedEventException("no event");
                }
                return adapter.request(event, guard.settings());
            }

            @Override
            public O invoke() {
                return handler.handleRequest(event, context);
            }

            @Override
            public HttpResponseData response(O result) {
                return adapter.response(result);
            }

            @Override
            public O reply(Reply reply) {
                return adapter.reply(event, reply);
            }
        });
    }
}
