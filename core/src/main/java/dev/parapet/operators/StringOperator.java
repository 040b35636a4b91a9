package dev.parapet.operators;

/**
 * Base of the simple string operators: the argument is expanded per call when it holds macros, and
 * {@link #test} decides on the (input, argument) pair.
 */
abstract class StringOperator implements Operator {

    private final Argument argument;

    StringOperator(OperatorArgs args) {
        this.argument = Argument.of(args);
    }

    /** The constant argument, or {@code null} when it holds macros. */
    final String constantArgument() {
        return argument.isConstant() ? argument.constant() : null;
    }

    @Override
    public final boolean evaluate(OperatorContext context, String input) {
        return test(input, argument.value(context));
    }

    abstract boolean test(String input, String argument);
}
