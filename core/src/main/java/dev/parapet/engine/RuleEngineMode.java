package dev.parapet.engine;

/** {@code SecRuleEngine}: whether rules run, and whether their disruptive actions take effect. */
public enum RuleEngineMode {
    /** Rules run and disruptive actions interrupt the transaction. */
    ON,
    /** Rules run and log, but nothing is interrupted: the mode for rolling out or tuning. */
    DETECTION_ONLY,
    /** No rule runs. */
    OFF;

    /** Parses {@code On}, {@code Off} or {@code DetectionOnly} (any case). */
    public static RuleEngineMode parse(String value) {
        return switch (dev.parapet.actions.CtlAction.engineMode(value)) {
            case "On" -> ON;
            case "Off" -> OFF;
            default -> DETECTION_ONLY;
        };
    }
}
