package dev.parapet.lambda.internal;

import dev.parapet.audit.AuditLog;
import dev.parapet.lambda.LambdaAuditLog;
import java.util.Objects;

/**
 * What a guard is configured with, beyond its firewall.
 *
 * @param clientIpHeader a header that carries the client address (e.g. {@code X-Forwarded-For}), or
 *     {@code null} to use only the request context
 * @param trustedHops how many proxies appended to that header after the client's address
 * @param auditLog where audit records go
 * @param sharedAuditLog Parapet's common audit log, used instead of {@code auditLog} for inspected
 *     transactions when not {@code null}
 */
public record GuardSettings(String clientIpHeader, int trustedHops, LambdaAuditLog auditLog, AuditLog sharedAuditLog) {

    /** Settings without the common audit log. */
    public GuardSettings(String clientIpHeader, int trustedHops, LambdaAuditLog auditLog) {
        this(clientIpHeader, trustedHops, auditLog, null);
    }

    public GuardSettings {
        Objects.requireNonNull(auditLog, "auditLog");
        if (trustedHops < 0) {
            throw new IllegalArgumentException("trustedHops must not be negative");
        }
    }
}
