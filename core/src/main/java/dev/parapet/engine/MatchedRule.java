package dev.parapet.engine;

import java.util.List;

/**
 * A rule that matched in a transaction, with what it logs.
 *
 * @param id the rule id
 * @param phase the phase it ran in
 * @param message the expanded {@code msg}, or empty
 * @param data the expanded {@code logdata}, or empty
 * @param severity the severity name, or empty
 * @param tags the rule's tags
 * @param version the rule set version ({@code ver}), or empty
 * @param file the rule file
 * @param line the line of the rule in its file
 * @param matchedVariable the name of the last matched variable, e.g. {@code ARGS:q}
 * @param matchedValue the last matched value (after transformations), a byte string
 * @param log whether the rule logs ({@code log}/{@code nolog})
 * @param auditLog whether the rule goes to the audit log
 * @param disruptive whether this match stopped (or, in detection-only mode, would have stopped) the transaction
 * @param errorLogLine a ModSecurity-style error-log line for this match
 */
public record MatchedRule(int id, int phase, String message, String data, String severity, List<String> tags,
        String version, String file, int line, String matchedVariable, String matchedValue, boolean log,
        boolean auditLog, boolean disruptive, String errorLogLine) {

    public MatchedRule {
        tags = List.copyOf(tags);
    }
}
