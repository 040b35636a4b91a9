package dev.parapet.actions;

import dev.parapet.seclang.SecLangException;
import java.util.List;
import java.util.Locale;

/** {@code severity:CRITICAL} (or 0–7): the syslog severity of a match. */
public record SeverityAction(String severity) implements Action {

    private static final List<String> NAMES =
            List.of("EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG");

    public static SeverityAction of(String argument) {
        String value = Arguments.required("severity", argument).strip();
        if (value.length() == 1 && Character.isDigit(value.charAt(0))) {
            int n = value.charAt(0) - '0';
            if (n < NAMES.size()) {
                return new SeverityAction(NAMES.get(n));
            }
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!NAMES.contains(upper)) {
            throw new SecLangException("unknown severity '" + value + "'");
        }
        return new SeverityAction(upper);
    }

    @Override
    public ActionType type() {
        return ActionType.METADATA;
    }

    @Override
    public void configure(RuleSettings rule) {
        rule.severity(severity);
    }
}
