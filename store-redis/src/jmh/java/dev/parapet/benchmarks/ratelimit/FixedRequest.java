package dev.parapet.benchmarks.ratelimit;

import dev.parapet.engine.ClientRequest;
import java.util.List;

/** A request with a peer address and nothing else, for checks that key on the address. */
record FixedRequest(String remoteAddress) implements ClientRequest {

    @Override
    public String transactionId() {
        return "bench";
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String uri() {
        return "/";
    }

    @Override
    public String path() {
        return "/";
    }

    @Override
    public String queryString() {
        return null;
    }

    @Override
    public List<String> headers(String name) {
        return List.of();
    }

    @Override
    public String cookie(String name) {
        return null;
    }

    @Override
    public String queryArgument(String name) {
        return null;
    }

    @Override
    public String remoteUser() {
        return null;
    }
}
