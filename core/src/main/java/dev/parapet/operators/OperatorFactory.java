package dev.parapet.operators;

import dev.parapet.seclang.SecLangException;

/** Builds an {@link Operator} from its SecLang argument at load time. */
@FunctionalInterface
public interface OperatorFactory {

    /**
     * Compiles the operator.
     *
     * @throws SecLangException when the argument is invalid (bad regex, unreadable data file, …)
     */
    Operator create(OperatorArgs args);
}
