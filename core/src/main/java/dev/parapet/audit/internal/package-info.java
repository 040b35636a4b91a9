/** JSON writing and value masking for the audit log; not a public API. */
package dev.parapet.audit.internal;
