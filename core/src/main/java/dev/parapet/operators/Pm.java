package dev.parapet.operators;

import dev.parapet.operators.internal.AhoCorasick;
import dev.parapet.operators.internal.RequiredLiterals;
import dev.parapet.operators.internal.PmContent;
import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code @pm}: case-insensitive (ASCII) multi-phrase search. The argument is a whitespace-separated phrase
 * list, first decoded with ModSecurity's content syntax ({@link PmContent}: quotes, {@code |hex|},
 * escapes). Empty input never matches. With {@code capture}, {@code TX:0} receives the matched phrase as
 * written in the rule (as ModSecurity's {@code acmp} reports it).
 */
public final class Pm implements Operator {

    /** Phrase lists longer than this are not offered to the engine's shared literal screen. */
    private static final int MAX_SCREENED_PHRASES = 2000;

    private final AhoCorasick automaton;
    private final List<Set<String>> requiredLiterals;

    private Pm(AhoCorasick automaton, List<Set<String>> requiredLiterals) {
        this.automaton = automaton;
        this.requiredLiterals = requiredLiterals;
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
        return new Pm(AhoCorasick.build(phrases, true), screenable(phrases));
    }

    /** The phrases themselves are the necessary literals, when they are ASCII and few enough to screen. */
    private static List<Set<String>> screenable(List<String> phrases) {
        if (phrases.size() > MAX_SCREENED_PHRASES) {
            return List.of();
        }
        Set<String> out = new HashSet<>();
        for (String phrase : phrases) {
            for (int k = 0; k < phrase.length(); k++) {
                if (!RequiredLiterals.representable(phrase.charAt(k))) {
                    return List.of();
                }
            }
            if (!phrase.isEmpty()) {
                out.add(phrase.toLowerCase(Locale.ROOT));
            }
        }
        return out.isEmpty() ? List.of() : List.of(Set.copyOf(out));
    }

    @Override
    public List<Set<String>> requiredLiterals() {
        return requiredLiterals;
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
