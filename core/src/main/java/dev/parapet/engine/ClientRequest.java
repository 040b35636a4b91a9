package dev.parapet.engine;

import java.util.List;

/**
 * A read-only view of the request a {@link Transaction} has seen so far, for {@link Protection} checks
 * that run before the rules. Strings are byte strings, as everywhere in the engine.
 */
public interface ClientRequest {

    /** The transaction id. */
    String transactionId();

    /** The direct peer's address ({@code REMOTE_ADDR}). */
    String remoteAddress();

    /** The method ({@code REQUEST_METHOD}). */
    String method();

    /** The request target without scheme and authority ({@code REQUEST_URI}), e.g. {@code /a?b=c}. */
    String uri();

    /** The percent-decoded path ({@code REQUEST_FILENAME}), e.g. {@code /login}. */
    String path();

    /** The raw query string, or {@code null} when there is none. */
    String queryString();

    /** Every value of a header, case-insensitively, in arrival order. */
    List<String> headers(String name);

    /** The first value of a header, or {@code null}. */
    default String header(String name) {
        List<String> v = headers(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The first value of a cookie, or {@code null}. */
    String cookie(String name);

    /** The first value of a query-string argument, or {@code null}. */
    String queryArgument(String name);

    /** The authenticated principal ({@code REMOTE_USER}, set by {@link Transaction#setRemoteUser}), or {@code null}. */
    String remoteUser();
}
