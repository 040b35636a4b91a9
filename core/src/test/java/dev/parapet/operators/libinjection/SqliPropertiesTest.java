package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SqliPropertiesTest {

    private static final int[] FLAGS = {
        0,
        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_ANSI,
        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_MYSQL,
        SqliDetector.FLAG_QUOTE_SINGLE | SqliDetector.FLAG_SQL_ANSI,
        SqliDetector.FLAG_QUOTE_SINGLE | SqliDetector.FLAG_SQL_MYSQL,
        SqliDetector.FLAG_QUOTE_DOUBLE | SqliDetector.FLAG_SQL_MYSQL,
    };

    @Property(tries = 3000)
    void detectNeverThrowsAndReturnsListedFingerprints(
            @ForAll @CharRange(from = 0, to = 255) @StringLength(max = 200) String input) {
        String fingerprint = SqliDetector.detect(input);
        if (fingerprint != null) {
            assertTrue(SqliDetector.isListedFingerprint(fingerprint), fingerprint);
            assertEquals(fingerprint, SqliDetector.detect(input), "deterministic");
        }
    }

    /** Inputs built from SQL-significant bytes reach the tokenizer's odd corners more often. */
    @Property(tries = 3000)
    void sqlLikeInputsNeverThrow(
            @ForAll("sqlish") String input, @ForAll @IntRange(min = 0, max = 5) int flagIndex) {
        int flags = FLAGS[flagIndex];
        List<SqliToken> tokens = SqliDetector.tokenize(input, flags);
        for (SqliToken t : tokens) {
            assertTrue(t.value().length() <= 31, t.toString());
            assertTrue(t.position() >= 0 && t.position() <= input.length(), t.toString());
            assertTrue(t.type() != 0, t.toString());
        }
        List<SqliToken> folded = SqliDetector.fold(input, flags);
        // libinjection keeps at most five folded tokens, plus the "evil" X token that ends a fold early.
        boolean evil = !folded.isEmpty() && folded.get(folded.size() - 1).type() == 'X';
        assertTrue(folded.size() <= (evil ? 6 : 5), folded::toString);
        String fingerprint = SqliDetector.fingerprint(input, flags);
        assertTrue(fingerprint.length() <= 5, fingerprint);
        SqliDetector.detect(input);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> sqlish() {
        return net.jqwik.api.Arbitraries.strings()
                .withChars("'\"`\\/*-#$@[]{}().,;:!=<>|&^%~+?0123456789eExXbBnNqQuU \t\n\u0000\u00a0\u00ff")
                .withChars("aorSELCTUNIOandselctunio_")
                .ofMaxLength(60);
    }
}
