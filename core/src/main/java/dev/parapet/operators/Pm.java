package dev.parapet.operators;

import dev.parapet.operators.internal.AhoCorasick;
import dev.parapet.operators.internal.PmContent;
import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pm}: case-insensitive (ASCII) multi-phrase search. The argument is a whitespace-separated phrase
 * list, first decoded with ModSecurity's content syntax ({@link PmContent}: quotes, {@code |hex|},
 * escapes). Empty input never matches. With {@code capture}, {@code TX:0} receives the matched phrase as
 * written in the rule (as ModSecurity's {@code acmp} reports it).
 */
public final class Pm implements Operator {

    private final AhoCorasick automaton;

    private Pm(AhoCorasick automaton) {
        this.automaton = automaton;
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        String argument = args.argument();
        if (argument.isEmpty()) {
            throw new SecLangException("missing parameter for operator 'pm'");
        }
        String decoded = PmContent.decode(argument);
        String text = decoded == null ? argument : decoded;
        List<String> phrases = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && PmContent.isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !PmContent.isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                phrases.add(text.substring(start, i));
            }
        }
        if (phrases.isEmpty()) {
            throw new SecLangException("no phrases in argument of operator 'pm'");
        }
        return ofPhrases(phrases);
    }

    /** A phrase matcher over already decoded phrases (used by {@code @pmFromFile}). */
    static Pm ofPhrases(List<String> phrases) {
        return new Pm(AhoCorasick.build(phrases, true));
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        if (input.isEmpty()) {
            return false;
        }
        AhoCorasick.Match match = automaton.find(input);
        if (match == null) {
            return false;
        }
        if (context.capturing()) {
            context.capture(0, automaton.phrase(match.phraseIndex()));
        }
        return true;
    }
}
