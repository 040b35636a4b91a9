package dev.parapet.lambda.internal;

import dev.parapet.lambda.LambdaAuditLog;
import java.util.Objects;

/**
 * What a guard is configured with, beyond its firewall.
 *
 * @param clientIpHeader a header that carries the client address (e.g. {@code X-Forwarded-For}), or
 *     {@code null} to use only the request context
 * @param trustedHops how many proxies appended to that header after the client's address
 * @param auditLog where audit records go
 */
public record GuardSettings(String clientIpHeader, int trustedHops, LambdaAuditLog auditLog) {

    public GuardSettings {
        Objects.requireNonNull(auditLog, "auditLog");
        if (trustedHops < 0) {
            throw new IllegalArgumentException("trustedHops must not be negative");
        }
    }
}
