package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.safere.Matcher;
import org.safere.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnchoredSplitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', nullValues = "-", value = {
        "(?:^|[/;])\\.{2}[/;]                 => - => (?:)\\.{2}[/;] => (?:[/;])\\.{2}[/;]",
        "(?i)(?:^(?:json\\.)?|[;|]|&&)id\\b    => - => (?i)(?:(?:json\\.)?)id\\b => (?i)(?:[;|]|&&)id\\b",
        "(?:^a|b|c)d                          => - => (?:a)d => (?:b|c)d",
        "(?i)(?:[^a-z]|^)java                 => (?i)(?:[^a-z])java => (?i)(?:)java => (?i)(?:[^a-z])java",
        "(?:a|b|^c|d)e                        => (?:a|b)e => (?:c)e => (?:a|b|d)e",
        "(?:a|^b|^c)d                         => (?:a)d => (?:b)d => (?:a|^c)d"})
    void splitsALeadingAnchoredBranch(String pattern, String before, String anchored, String rest) {
        AnchoredSplit split = AnchoredSplit.of(Pattern.compile(pattern, ModSecRegex.flags(false)));
        assertNotNull(split);
        assertEquals(before, split.before() == null ? null : split.before().pattern());
        assertEquals(anchored, split.anchored().pattern());
        assertEquals(rest, split.rest().pattern());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(?:^a)b",           // a single branch: nothing to split
        "(?:^a|b)*c",        // a quantified group
        "(?:^(a)|b)c",       // capturing groups would be renumbered
        "(?<n>x)(?:^a|b)",   // named groups too
        "x(?:^a|b)",         // the group is not at the start
        "(?m)(?:^a|b)c",     // multi-line: ^ also matches after a newline
        "(?:a|b)c",          // no anchored branch
        "^(?:a|b)"})
    void leavesOtherShapesAlone(String pattern) {
        assertNull(AnchoredSplit.of(Pattern.compile(pattern, ModSecRegex.flags(false))));
    }

    /**
     * The match the split finds: lookingAt on the branches before the anchored one, then on the anchored
     * half, else find on the rest.
     */
    static String splitMatch(AnchoredSplit split, String input) {
        if (split.before() != null) {
            Matcher b = split.before().matcher(input);
            if (b.lookingAt()) {
                return "0:" + b.group();
            }
        }
        Matcher a = split.anchored().matcher(input);
        if (a.lookingAt()) {
            return "0:" + a.group();
        }
        Matcher r = split.rest().matcher(input);
        return r.find() ? r.start() + ":" + r.group() : null;
    }

    static String originalMatch(Pattern p, String input) {
        Matcher m = p.matcher(input);
        return m.find() ? m.start() + ":" + m.group() : null;
    }

    @Provide
    Arbitrary<String> shapes() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "ab", "a*", "b+", "[ab]", ".", "\\b", "x?", "(?:a|ba)", "");
        Arbitrary<String> seq = piece.list().ofMinSize(0).ofMaxSize(3).map(l -> String.join("", l));
        return Arbitraries.of("", "(?i)", "(?s)").flatMap(head -> seq.flatMap(first -> seq.list().ofMinSize(1)
                .ofMaxSize(3).flatMap(others -> Arbitraries.integers().between(0, others.size()).flatMap(at ->
                        seq.map(rest -> {
                            List<String> branches = new java.util.ArrayList<>(others);
                            branches.add(at, "^" + first);
                            return head + "(?:" + String.join("|", branches) + ")" + rest;
                        })))));
    }

    @Property(tries = 2000)
    void findsWhatTheOriginalFinds(@ForAll("shapes") String pattern,
            @ForAll("inputs") List<String> inputs) {
        AnchoredSplit split = AnchoredSplit.of(Pattern.compile(pattern, ModSecRegex.flags(true)));
        if (split == null) {
            return;
        }
        Pattern original = Pattern.compile(pattern, ModSecRegex.flags(true));
        for (String input : inputs) {
            assertEquals(originalMatch(original, input), splitMatch(split, input), pattern + " on " + input);
        }
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        return Arbitraries.strings().withChars("abAxy \n").ofMaxLength(8).list().ofSize(15);
    }
}
