package dev.parapet.operators;

import dev.parapet.operators.libinjection.SqliDetector;

/**
 * The {@code @detectSQLi} operator: libinjection's SQL-injection detection. Matches when the
 * value is SQL injection; with {@code capture}, stores the libinjection fingerprint (e.g.
 * {@code s&1UE}) in {@code TX:0}, as ModSecurity does. The rule argument is ignored.
 */
public final class DetectSqli implements Operator {

    /** Creates the operator; {@code @detectSQLi} takes no argument, so {@code args} is ignored. */
    public DetectSqli(OperatorArgs args) {
        // no configuration
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        SqliDetector.Workspace workspace = context.sqliWorkspace();
        String fingerprint = workspace == null ? SqliDetector.detect(input) : SqliDetector.detect(input, workspace);
        if (fingerprint == null) {
            return false;
        }
        if (context.capturing()) {
            context.capture(0, fingerprint);
        }
        return true;
    }
}
