package dev.parapet.lambda;

import dev.parapet.lambda.internal.JsonLinesAuditLog;
import java.io.OutputStream;

/**
 * Receives an audit record for every invocation the audit engine finds relevant ({@code SecAuditEngine},
 * CRS's {@code RelevantOnly} by default: something matched or blocked) and for every rejected event.
 * Called on the invocation's thread; an exception it throws is logged and does not affect the response.
 */
@FunctionalInterface
public interface LambdaAuditLog {

    /** Records one invocation. */
    void write(LambdaAuditRecord record);

    /**
     * One JSON object per line on standard output, which Lambda sends to CloudWatch Logs as one log event
     * per line. This is the default.
     */
    static LambdaAuditLog stdout() {
        return new JsonLinesAuditLog(System.out);
    }

    /** One JSON object per line on {@code out}. */
    static LambdaAuditLog jsonLines(OutputStream out) {
        return new JsonLinesAuditLog(out);
    }

    /** Writes nothing. */
    static LambdaAuditLog disabled() {
        return record -> {
        };
    }
}
