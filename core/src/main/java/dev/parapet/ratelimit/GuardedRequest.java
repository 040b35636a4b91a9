package dev.parapet.ratelimit;

import dev.parapet.engine.ClientRequest;
import dev.parapet.ip.IpAddress;
import java.util.List;

/**
 * A request as the {@link TrafficGuard} sees it: the engine's view plus the client address resolved
 * behind trusted proxies.
 */
public final class GuardedRequest implements ClientRequest {

    private final ClientRequest request;
    private final IpAddress clientIp;

    /**
     * @param request the engine's view of the request
     * @param clientIp the resolved client address, or {@code null} when unknown
     */
    public GuardedRequest(ClientRequest request, IpAddress clientIp) {
        this.request = request;
        this.clientIp = clientIp;
    }

    /** The client address behind trusted proxies, or {@code null} when even the peer address is invalid. */
    public IpAddress clientIp() {
        return clientIp;
    }

    @Override
    public String transactionId() {
        return request.transactionId();
    }

    @Override
    public String remoteAddress() {
        return request.remoteAddress();
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public String queryString() {
        return request.queryString();
    }

    @Override
    public List<String> headers(String name) {
        return request.headers(name);
    }

    @Override
    public String cookie(String name) {
        return request.cookie(name);
    }

    @Override
    public String queryArgument(String name) {
        return request.queryArgument(name);
    }

    @Override
    public String remoteUser() {
        return request.remoteUser();
    }
}
