package dev.parapet.operators;

import dev.parapet.operators.internal.PmContent;
import dev.parapet.operators.internal.TextSearch;
import dev.parapet.seclang.SecLangException;

/**
 * {@code @strmatch}: case-sensitive substring search for one phrase written in ModSecurity's content
 * syntax ({@link PmContent}: quotes, {@code |hex|}, escapes). Macros are not expanded (as in ModSecurity).
 */
public final class StrMatch implements Operator {

    private final TextSearch search;

    private StrMatch(TextSearch search) {
        this.search = search;
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        String argument = args.argument();
        if (argument.isEmpty()) {
            throw new SecLangException("missing parameter for operator 'strmatch'");
        }
        String decoded = PmContent.decode(argument);
        return new StrMatch(TextSearch.of(decoded == null ? argument : decoded));
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        return search.indexIn(input, 0) >= 0;
    }
}
