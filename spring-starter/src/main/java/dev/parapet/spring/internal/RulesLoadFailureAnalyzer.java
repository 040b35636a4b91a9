package dev.parapet.spring.internal;

import dev.parapet.spring.RulesLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup that failed because the Parapet rules could not be loaded, naming the file and line. */
public final class RulesLoadFailureAnalyzer extends AbstractFailureAnalyzer<RulesLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RulesLoadException cause) {
        StringBuilder description = new StringBuilder("Parapet could not load its rules.\n\n");
        if (cause.file() != null) {
            description.append("    File: ").append(cause.file()).append('\n');
            if (cause.line() > 0) {
                description.append("    Line: ").append(cause.line()).append('\n');
            }
        }
        description.append("    Problem: ").append(cause.getMessage());
        String action;
        if (FirewallFactory.SETTINGS_SOURCE.equals(cause.file())) {
            action = "Check parapet.paranoia-level and parapet.anomaly.*, which Parapet turned into that directive.";
        } else if (FirewallFactory.DIRECTIVES_SOURCE.equals(cause.file())) {
            action = "Correct line " + cause.line() + " of the property parapet.rules.directives.";
        } else if (cause.file() != null) {
            action = "Correct the directive at " + cause.file() + (cause.line() > 0 ? " line " + cause.line() : "")
                    + ", or take the file out of parapet.rules.files (or parapet.rules.crs-directory).";
        } else {
            action = "Check parapet.rules.crs-directory and parapet.rules.files.";
        }
        return new FailureAnalysis(description.toString(),
                action + " To start without Parapet, set parapet.enabled=false.", cause);
    }
}
