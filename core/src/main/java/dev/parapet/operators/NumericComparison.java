package dev.parapet.operators;

import dev.parapet.operators.internal.CNumbers;

/**
 * Base of {@code @eq}, {@code @ge}, {@code @gt}, {@code @le}, {@code @lt}: both sides are parsed like C
 * {@code atoi} (leading digits; non-numeric text is 0), the argument after macro expansion.
 */
abstract class NumericComparison implements Operator {

    private final Argument argument;
    private final long constantRight;

    NumericComparison(OperatorArgs args) {
        this.argument = Argument.of(args);
        this.constantRight = argument.isConstant() ? CNumbers.atoi(argument.constant()) : 0;
    }

    @Override
    public final boolean evaluate(OperatorContext context, String input) {
        long right = argument.isConstant() ? constantRight : CNumbers.atoi(argument.value(context));
        return compare(CNumbers.atoi(input), right);
    }

    abstract boolean compare(long left, long right);
}
