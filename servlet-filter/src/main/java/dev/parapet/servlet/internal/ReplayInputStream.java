package dev.parapet.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The request body for the application: the bytes the filter already read and inspected, then (when the body was
 * larger than the inspection limit) the rest of the container's stream, unchanged.
 */
final class ReplayInputStream extends ServletInputStream {

    private final byte[] buffered;
    private final int length;
    private final ServletInputStream rest;
    private final Supplier<AsyncContext> asyncContext;
    private int position;

    /**
     * @param buffered the bytes already read
     * @param length how many of them are valid
     * @param rest the container's stream for the bytes after them, or {@code null} when the body ended
     * @param asyncContext the request's async context, for non-blocking reads
     */
    ReplayInputStream(byte[] buffered, int length, ServletInputStream rest, Supplier<AsyncContext> asyncContext) {
        this.buffered = buffered;
        this.length = length;
        this.rest = rest;
        this.asyncContext = asyncContext;
    }

    @Override
    public int read() throws IOException {
        if (position < length) {
            return buffered[position++] & 0xFF;
        }
        return rest == null ? -1 : rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position < length) {
            int n = Math.min(len, length - position);
            System.arraycopy(buffered, position, b, off, n);
            position += n;
            return n;
        }
        return rest == null ? -1 : rest.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        int here = length - position;
        return here > 0 ? here : rest == null ? 0 : rest.available();
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (position < length) {
            int k = (int) Math.min(n, length - position);
            position += k;
            return k;
        }
        return rest == null ? 0 : rest.skip(n);
    }

    @Override
    public boolean isFinished() {
        return position >= length && (rest == null || rest.isFinished());
    }

    @Override
    public boolean isReady() {
        return position < length || rest == null || rest.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        if (rest != null) {
            // The container calls back when the rest has data; the buffered prefix is read first by the same loop.
            rest.setReadListener(listener);
            return;
        }
        AsyncContext async = asyncContext.get();
        if (async == null) {
            throw new IllegalStateException("setReadListener needs an asynchronous request");
        }
        // Everything is already here: tell the listener from a container thread, as the container would.
        async.start(() -> {
            try {
                if (!isFinished()) {
                    listener.onDataAvailable();
                }
                listener.onAllDataRead();
            } catch (Throwable t) {
                listener.onError(t);
            }
        });
    }
}
