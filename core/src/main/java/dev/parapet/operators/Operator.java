package dev.parapet.operators;

/**
 * A compiled SecLang operator ({@code @rx}, {@code @pm}, …). Made once at load time by an
 * {@link OperatorFactory}; evaluated concurrently by many transactions, so implementations are
 * immutable and thread-safe. Negation ({@code !@op}) is applied by the engine, not here.
 */
@FunctionalInterface
public interface Operator {

    /**
     * Evaluates the operator against one value (a byte string, one byte per {@code char}).
     *
     * @param context per-transaction services: capture into {@code TX:0..9}, macro expansion
     * @param input the transformed value of one variable
     * @return whether the operator matched
     */
    boolean evaluate(OperatorContext context, String input);
}
