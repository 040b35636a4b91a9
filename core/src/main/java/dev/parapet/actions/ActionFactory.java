package dev.parapet.actions;

/** Builds an {@link Action} from its argument ({@code null} when the action has none). */
@FunctionalInterface
public interface ActionFactory {

    /** @throws dev.parapet.seclang.SecLangException when the argument is missing or invalid */
    Action create(String argument);
}
