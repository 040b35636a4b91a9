package dev.parapet.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends JSON events (one per line) and ModSecurity-style error lines to files. The two may be the same file: a
 * transaction's error lines then precede its event, which is the layout go-ftw-style runners read (they find
 * {@code [id "…"]} and {@code "id":…}). Each transaction is written with one unbuffered append, so a reader sees
 * it as soon as {@link #write} returns. Thread-safe.
 */
public final class FileAuditSink implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileAuditSink.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Path eventFile;
    private final Path errorFile;
    private final OutputStream events;
    private final OutputStream errors;
    private boolean closed;

    private FileAuditSink(Path eventFile, Path errorFile) throws IOException {
        this.eventFile = eventFile;
        this.errorFile = errorFile;
        this.events = eventFile == null ? null : open(eventFile);
        if (errorFile == null) {
            this.errors = null;
        } else if (eventFile != null && sameFile(eventFile, errorFile)) {
            this.errors = events;
        } else {
            this.errors = open(errorFile);
        }
    }

    /**
     * Opens (creating, appending) the files.
     *
     * @param eventFile where JSON events go, or {@code null} for none
     * @param errorFile where error lines go (may equal {@code eventFile}), or {@code null} for none
     * @throws UncheckedIOException when a file cannot be opened
     */
    public static FileAuditSink open(Path eventFile, Path errorFile) {
        try {
            return new FileAuditSink(eventFile, errorFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit log file: " + e.getMessage(), e);
        }
    }

    /** The JSON event file, if any. */
    public Optional<Path> eventFile() {
        return Optional.ofNullable(eventFile);
    }

    /** The error-line file, if any. */
    public Optional<Path> errorFile() {
        return Optional.ofNullable(errorFile);
    }

    private static OutputStream open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
    }

    @Override
    public void write(List<String> errorLines, Optional<AuditEvent> event) {
        StringBuilder errorText = new StringBuilder();
        if (errors != null) {
            for (String line : errorLines) {
                errorText.append(line).append('\n');
            }
        }
        String eventText = events != null && event.isPresent() ? event.get().toJson() + "\n" : "";
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (errors == events && errors != null) {
                append(events, errorText.append(eventText).toString());
            } else {
                append(errors, errorText.toString());
                append(events, eventText);
            }
        } catch (IOException e) {
            LOG.warn("Parapet audit log: cannot write {}: {}", eventFile != null ? eventFile : errorFile, e.toString());
        } finally {
            lock.unlock();
        }
    }

    private static void append(OutputStream out, String text) throws IOException {
        if (out != null && !text.isEmpty()) {
            // Error lines are escaped by the engine and events are ASCII JSON: ISO-8859-1 keeps every byte.
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(events);
            if (errors != events) {
                closeQuietly(errors);
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("Parapet audit log: close failed: {}", e.toString());
        }
    }
}
