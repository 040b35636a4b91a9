package dev.parapet.lambda.internal;

/**
 * The event is not a usable HTTP request. The message names the field and the problem in fixed
 * words; it never contains request data, so it can be returned to the client as is.
 */
public final class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        super(message);
    }
}
