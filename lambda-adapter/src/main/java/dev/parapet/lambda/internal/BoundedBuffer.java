package dev.parapet.lambda.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** A byte buffer with a hard size limit, so one invocation cannot take unbounded memory. */
final class BoundedBuffer extends OutputStream {

    private final int limit;
    private final String what;
    private byte[] data = new byte[8192];
    private int size;

    BoundedBuffer(int limit, String what) {
        this.limit = limit;
        this.what = what;
    }

    /** Reads {@code in} to its end; {@link TooLargeException} when it holds more than the limit. */
    static BoundedBuffer readAll(InputStream in, int limit, String what) throws IOException {
        BoundedBuffer b = new BoundedBuffer(limit, what);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
            b.write(chunk, 0, n);
        }
        return b;
    }

    @Override
    public void write(int b) throws IOException {
        ensure(1);
        data[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensure(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
    }

    private void ensure(int more) throws TooLargeException {
        if ((long) size + more > limit) {
            throw new TooLargeException(what + " exceeds " + limit + " bytes");
        }
        if (size + more > data.length) {
            data = Arrays.copyOf(data, (int) Math.min(limit, Math.max(data.length * 2L, size + (long) more)));
        }
    }

    byte[] array() {
        return data;
    }

    int size() {
        return size;
    }

    /** The buffer is full. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
