package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsciiCaseInsensitiveTableTest {

    private static final AsciiCaseInsensitiveTable TABLE =
            AsciiCaseInsensitiveTable.of(List.of("SELECT", "UNION ALL", "&&", "X", "NOT IN", "lower"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT     | 0
            select     | 0
            sElEcT     | 0
            SELECTS    | -1
            SELEC      | -1
            union all  | 1
            &&         | 2
            x          | 3
            Not In     | 4
            lower      | -1
            LOWER      | -1
            ""         | -1
            """)
    void wholeStringLookups(String word, int expected) {
        String value = word == null ? "" : word;
        assertEquals(expected, TABLE.indexOf(value, 0, value.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ((select)) | 2 | 6 | 0
            ((select)) | 2 | 5 | -1
            a&&b       | 1 | 2 | 2
            """)
    void regionLookupsReadOnlyTheRegion(String s, int from, int length, int expected) {
        assertEquals(expected, TABLE.indexOf(s, from, length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            xunion   | 1 | 5 | all  | 0 | 3 | 1
            union    | 0 | 5 | ALLx | 0 | 3 | 1
            not      | 0 | 3 | in   | 0 | 2 | 4
            not      | 0 | 3 | in   | 0 | 1 | -1
            select   | 0 | 6 | x    | 0 | 1 | -1
            """)
    void phraseLookupsJoinWithOneSpace(String first, int firstFrom, int firstLength, String second, int secondFrom,
                                       int secondLength, int expected) {
        assertEquals(expected, TABLE.indexOfPhrase(first, firstFrom, firstLength, second, secondFrom, secondLength));
    }

    @Test
    void nulSkippingLookups() {
        // NULs are spelled out here: CSV sources drop them
        assertEquals(0, nulSkipping("sel\0ect"));
        assertEquals(3, nulSkipping("\0x\0"));
        assertEquals(-1, nulSkipping("\0"));
        assertEquals(-1, nulSkipping("se lect"));
    }

    private static int nulSkipping(String s) {
        return TABLE.indexOfIgnoringNul(s, 0, s.length());
    }

    @Test
    void onlyAsciiLettersFold() {
        assertEquals(-1, TABLE.indexOf("SELECT\u00e9", 0, 7));
        assertEquals(-1, TABLE.indexOf("SELECT\0", 0, 7));
        assertEquals(-1, AsciiCaseInsensitiveTable.of(List.of("I")).indexOf("\u0131", 0, 1));
        assertEquals(-1, AsciiCaseInsensitiveTable.of(List.of("K")).indexOf("\u212a", 0, 1));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AsciiCaseInsensitiveTable.of(List.of("A", "B", "A")));
    }

    // ------------------------------------------------------------------ against a naive oracle

    @Property(tries = 500)
    void lookupsMatchUpperCasingAndAListSearch(@ForAll("keySets") List<String> keys, @ForAll("probes") String probe,
                                               @ForAll("probes") String other) {
        AsciiCaseInsensitiveTable table = AsciiCaseInsensitiveTable.of(keys);
        for (int from = 0; from <= probe.length(); from++) {
            for (int to = from; to <= probe.length(); to++) {
                String region = probe.substring(from, to);
                assertEquals(keys.indexOf(SqliParser.asciiUpper(region)), table.indexOf(probe, from, to - from), region);
                assertEquals(keys.indexOf(SqliParser.asciiUpper(region.replace("\0", ""))),
                        table.indexOfIgnoringNul(probe, from, to - from), region);
                String phrase = region + ' ' + other;
                assertEquals(keys.indexOf(SqliParser.asciiUpper(phrase)),
                        table.indexOfPhrase(probe, from, to - from, other, 0, other.length()), phrase);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> keySets() {
        return Arbitraries.strings().withChars("ABab \0&").ofMaxLength(4).set().ofMaxSize(40)
                .map(set -> {
                    Set<String> upper = new LinkedHashSet<>();
                    for (String key : set) {
                        upper.add(key.replace('a', 'A').replace('b', 'B'));
                    }
                    return new ArrayList<>(upper);
                });
    }

    @Provide
    Arbitrary<String> probes() {
        return Arbitraries.strings().withChars("ABab \0&").ofMaxLength(6);
    }
}
