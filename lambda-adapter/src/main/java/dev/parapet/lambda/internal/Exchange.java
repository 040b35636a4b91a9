package dev.parapet.lambda.internal;

import dev.parapet.lambda.EventType;

/**
 * One invocation seen from the guard: how to read the request, call the wrapped handler, read its
 * response and answer in its place.
 *
 * @param <O> the response type
 * @param <X> what the wrapped handler may throw
 */
public interface Exchange<O, X extends Exception> {

    /** The kind of event, as far as known (a raw event is classified by {@link #request()}). */
    EventType type();

    /** The request, or a {@link MalformedEventException} naming what is wrong with the event. */
    HttpRequestData request() throws MalformedEventException;

    /** Calls the wrapped handler. */
    O invoke() throws X;

    /** The HTTP response in the handler's result, which is not {@code null}. */
    HttpResponseData response(O result);

    /** Parapet's own response. */
    O reply(Reply reply);
}
