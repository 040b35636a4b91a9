package dev.parapet.audit;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes JSON events at INFO to the logger {@value #AUDIT_LOGGER} and ModSecurity-style error lines at WARN to the
 * logger {@value #ERROR_LOGGER}, so the application's logging configuration decides where they go.
 */
public final class Slf4jAuditSink implements AuditSink {

    /** The logger of JSON audit events. */
    public static final String AUDIT_LOGGER = "parapet.audit";
    /** The logger of ModSecurity-style error lines. */
    public static final String ERROR_LOGGER = "parapet.audit.error";

    private final Logger audit;
    private final Logger errors;

    /** A sink on the default loggers. */
    public Slf4jAuditSink() {
        this(LoggerFactory.getLogger(AUDIT_LOGGER), LoggerFactory.getLogger(ERROR_LOGGER));
    }

    /** A sink on the given loggers. */
    public Slf4jAuditSink(Logger audit, Logger errors) {
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    public void write(List<String> errorLines, Optional<AuditEvent> event) {
        if (errors.isWarnEnabled()) {
            for (String line : errorLines) {
                errors.warn(line);
            }
        }
        if (event.isPresent() && audit.isInfoEnabled()) {
            audit.info(event.get().toJson());
        }
    }
}
