package dev.parapet.operators;

import dev.parapet.seclang.MacroString;

/** What an operator may use of the running transaction while it evaluates. */
public interface OperatorContext {

    /** Whether the rule carries the {@code capture} action. */
    boolean capturing();

    /**
     * Stores a capture: index 0 is the whole match, 1–9 are groups ({@code TX:0}…{@code TX:9}); a
     * {@code null} value removes that variable.
     */
    void capture(int index, String value);

    /** Expands a macro argument (e.g. {@code %{tx.allowed_methods}}) against the transaction. */
    String expand(MacroString argument);

    /**
     * A matcher of {@code pattern} over {@code input}. A transaction hands out one reusable matcher per
     * pattern, so the hundreds of searches of a request do not each allocate a matcher and its scratch
     * space; the result is valid until the next call for the same pattern.
     */
    default org.safere.Matcher matcher(org.safere.Pattern pattern, String input) {
        return pattern.matcher(input);
    }

    /**
     * Parser state for {@code @detectSQLi} that a transaction reuses for all its values, or {@code null} when
     * there is none (then each evaluation creates its own).
     */
    default dev.parapet.operators.libinjection.SqliDetector.Workspace sqliWorkspace() {
        return null;
    }
}
