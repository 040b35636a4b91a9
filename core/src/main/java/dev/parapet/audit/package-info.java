/**
 * The audit log: {@link dev.parapet.audit.AuditLog} turns a finished transaction into ModSecurity-style error lines
 * (one per matched rule with {@code log}) and a JSON {@link dev.parapet.audit.AuditEvent} (rules, anomaly scores,
 * verdict), masks credentials, and writes both through an {@link dev.parapet.audit.AuditSink}: the SLF4J logger
 * {@code parapet.audit} by default, or files.
 */
package dev.parapet.audit;
