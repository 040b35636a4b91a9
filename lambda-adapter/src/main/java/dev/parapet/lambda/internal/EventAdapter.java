package dev.parapet.lambda.internal;

import dev.parapet.lambda.EventType;

/**
 * Translates one kind of typed Lambda event and its response.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public interface EventAdapter<I, O> {

    /** The kind of event. */
    EventType type();

    /** The request the event describes; {@code event} is not {@code null}. */
    HttpRequestData request(I event, GuardSettings settings) throws MalformedEventException;

    /** The response the handler returned; {@code response} is not {@code null}. */
    HttpResponseData response(O response);

    /** Parapet's own response, in the shape the event's source expects; {@code event} may be {@code null}. */
    O reply(I event, Reply reply);
}
