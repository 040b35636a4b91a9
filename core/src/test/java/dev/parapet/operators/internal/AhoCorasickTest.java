package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AhoCorasickTest {

    @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        "he she his hers | ushers     | she",
        "he she his hers | ahishers   | his",
        "abcd bc         | xabcd      | bc",
        "abc             | xxABcxx    | abc",
        "gzip compress   | deflate    | ",
        "a               | ''         | ",
        "é               | É          | ",
        "é               | xé         | é",
        "ab abab         | aabab      | ab",
        "bab ab          | xbab       | bab"})
    void findsFirstEndingLongestPhrase(String phrases, String text, String expected) {
        AhoCorasick ac = AhoCorasick.build(List.of(phrases.split(" +")), true);
        AhoCorasick.Match match = ac.find(text);
        if (expected == null) {
            assertNull(match);
        } else {
            assertNotNull(match);
            assertEquals(expected, ac.phrase(match.phraseIndex()));
            assertEquals(expected.toLowerCase(Locale.ROOT),
                    text.substring(match.start(), match.end()).toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void caseSensitiveAutomatonDoesNotFold() {
        AhoCorasick ac = AhoCorasick.build(List.of("Abc"), false);
        assertNull(ac.find("abc"));
        assertNotNull(ac.find("xAbc"));
    }

    @Test
    void emptyPhrasesAreIgnoredAndNonLatin1CharsMatchNothing() {
        AhoCorasick ac = AhoCorasick.build(List.of("", "ab"), true);
        assertNull(ac.find("xyz"));
        assertNull(ac.find("a\u0161b"));
        assertNotNull(ac.find("\u0161ab"));
    }

    @Test
    void hugeInputAndManyPhrases() {
        List<String> phrases = java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "phrase" + i + "z").toList();
        AhoCorasick ac = AhoCorasick.build(phrases, true);
        String text = "phrase".repeat(200_000) + "PHRASE4999Z";
        AhoCorasick.Match match = ac.find(text);
        assertNotNull(match);
        assertEquals("phrase4999z", ac.phrase(match.phraseIndex()));
        assertEquals(text.length(), match.end());
    }

    @Property(tries = 500)
    void agreesWithNaiveSearch(@ForAll @Size(max = 6) List<@StringLength(min = 1, max = 4) @CharRange(from = 'a', to = 'c') String> phrases,
            @ForAll @StringLength(max = 30) @Chars({'a', 'b', 'c', 'A', 'B', 'C', 'x'}) String text) {
        assertFindsWhatNaiveSearchFinds(AhoCorasick.build(phrases, true), phrases, text, text.toLowerCase(Locale.ROOT));
    }

    @Property(tries = 500)
    void caseSensitiveAgreesWithNaiveSearchBelowTheDenseRows(
            @ForAll @Size(max = 6) List<@StringLength(min = 1, max = 7) @Chars({'a', 'b', 'A', 'B'}) String> phrases,
            @ForAll @StringLength(max = 40) @Chars({'a', 'b', 'A', 'B', 'x', '\u0100'}) String text) {
        assertFindsWhatNaiveSearchFinds(AhoCorasick.build(phrases, false), phrases, text, text);
    }

    /**
     * The automaton's match on {@code text} is the naive search's on {@code searched} (the text as the automaton
     * compares it): the earliest end position, then the longest phrase.
     */
    private static void assertFindsWhatNaiveSearchFinds(AhoCorasick ac, List<String> phrases, String text,
            String searched) {
        int bestEnd = Integer.MAX_VALUE;
        int bestLength = -1;
        for (String p : phrases) {
            for (int at = searched.indexOf(p); at >= 0; at = searched.indexOf(p, at + 1)) {
                int end = at + p.length();
                if (end < bestEnd || (end == bestEnd && p.length() > bestLength)) {
                    bestEnd = end;
                    bestLength = p.length();
                }
            }
        }
        AhoCorasick.Match match = ac.find(text);
        if (bestLength < 0) {
            assertNull(match);
        } else {
            assertNotNull(match);
            assertEquals(bestEnd, match.end());
            assertEquals(bestLength, match.end() - match.start());
            assertTrue(searched.startsWith(ac.phrase(match.phraseIndex()), match.start()));
        }
    }
}
