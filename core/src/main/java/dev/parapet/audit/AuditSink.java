package dev.parapet.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where finished transactions are written: the SLF4J logger {@code parapet.audit} ({@link Slf4jAuditSink}, the
 * default), files ({@link FileAuditSink}), or an application's own implementation.
 *
 * <p>{@link AuditLog} calls {@link #write} once per transaction, on the request's thread and before the response is
 * completed, so a reader that sees the response can already read the lines. Implementations must be thread-safe and
 * must not throw for an I/O problem (report it through SLF4J instead): the audit log never fails a request.
 */
public interface AuditSink extends AutoCloseable {

    /**
     * Writes one finished transaction.
     *
     * @param errorLines the ModSecurity-style error-log lines of the matches that log ({@code [id "942100"] …}), in
     *     match order; possibly empty
     * @param event the transaction's audit event, or empty when the {@link AuditPolicy} does not select it
     */
    void write(List<String> errorLines, Optional<AuditEvent> event);

    /** Releases files or other resources; the default does nothing. */
    @Override
    default void close() {
    }

    /** A sink that writes to every given sink, in order. */
    static AuditSink tee(AuditSink... sinks) {
        List<AuditSink> all = List.of(sinks);
        return new AuditSink() {
            @Override
            public void write(List<String> errorLines, Optional<AuditEvent> event) {
                for (AuditSink s : all) {
                    s.write(errorLines, event);
                }
            }

            @Override
            public void close() {
                for (AuditSink s : all) {
                    s.close();
                }
            }
        };
    }

    /** A sink that drops everything. */
    static AuditSink discard() {
        return (errorLines, event) -> {
        };
    }
}
