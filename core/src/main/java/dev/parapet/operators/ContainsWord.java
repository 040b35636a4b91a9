package dev.parapet.operators;

import dev.parapet.operators.internal.TextSearch;

/**
 * {@code @containsWord}: the (expanded) argument occurs in the input delimited by non-word characters
 * (word = ASCII letter, digit or {@code _}) or the input's ends. An empty argument always matches.
 */
public final class ContainsWord extends StringOperator {

    private final TextSearch search;

    private ContainsWord(OperatorArgs args) {
        super(args);
        String constant = constantArgument();
        this.search = constant == null ? null : TextSearch.of(constant);
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return new ContainsWord(args);
    }

    @Override
    boolean test(String input, String argument) {
        if (argument.isEmpty()) {
            return true;
        }
        TextSearch s = search != null ? search : TextSearch.of(argument);
        int length = argument.length();
        return s.anyOccurrence(input, start -> (start == 0 || !isWordChar(input.charAt(start - 1)))
                && (start + length == input.length() || !isWordChar(input.charAt(start + length))));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
