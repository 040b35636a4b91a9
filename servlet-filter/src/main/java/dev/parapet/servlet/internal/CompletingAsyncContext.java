package dev.parapet.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An async context whose {@link #complete()} first finishes the exchange: phase 4, logging, the held body. */
final class CompletingAsyncContext implements AsyncContext {

    private static final Logger LOG = LoggerFactory.getLogger(CompletingAsyncContext.class);

    private final AsyncContext delegate;
    private final Exchange exchange;

    CompletingAsyncContext(AsyncContext delegate, Exchange exchange) {
        this.delegate = delegate;
        this.exchange = exchange;
    }

    @Override
    public void complete() {
        try {
            exchange.finish();
        } catch (IOException e) {
            // An aborted response: the rest of it was dropped; completing closes what remains.
            LOG.debug("Parapet {}: {}", exchange.id(), e.getMessage());
        }
        delegate.complete();
    }

    @Override
    public ServletRequest getRequest() {
        return delegate.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
        return delegate.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return delegate.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
        delegate.dispatch();
    }

    @Override
    public void dispatch(String path) {
        delegate.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        delegate.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
        delegate.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
        delegate.addListener(listener, request, response);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return delegate.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
        delegate.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
        return delegate.getTimeout();
    }
}
