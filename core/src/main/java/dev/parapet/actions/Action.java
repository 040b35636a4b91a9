package dev.parapet.actions;

/**
 * A SecLang action, made once at load time by an {@link ActionFactory}. Most actions only configure
 * the rule that carries them ({@link #configure}); {@link ActionType#NON_DISRUPTIVE} actions also run
 * each time the rule matches ({@link #execute}). Implementations are immutable and thread-safe.
 */
public interface Action {

    /** What kind of action this is. */
    ActionType type();

    /** Applies the action to the rule being built. Runs once, at load time. */
    default void configure(RuleSettings rule) {
    }

    /** Runs the action for a match. Called only for {@link ActionType#NON_DISRUPTIVE} actions. */
    default void execute(ActionContext context) {
    }
}
