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

    /**
     * A necessary condition the engine may test before calling {@link #evaluate}: clauses of literals, where
     * the input must contain at least one literal of every clause (compared ASCII case-insensitively) for this
     * operator to match. One scan of a value then rules out every operator with an unmet clause. Literals are
     * non-empty, ASCII and lower case.
     *
     * <p>Return an empty list (the default) when there is no such condition. A clause that is not truly
     * necessary makes rules miss what they should find, so only return what follows from the operator's
     * definition.
     */
    default java.util.List<java.util.Set<String>> requiredLiterals() {
        return java.util.List.of();
    }
}
