package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SqliDetectorTest {

    private static final int ANSI = SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_ANSI;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, textBlock = """
            -1' and 1=1 union/* foo */select load_file('/etc/passwd')-- | s&1UE
            1' OR '1'='1                                                 | s&sos
            " or ""="                                                    | s&sos
            admin'--                                                     | sc
            ' or 1=1#                                                    | s&1c
            1; DROP TABLE users                                          | 1;Tnn
            1 AND SLEEP(5)                                               | 1&f(1
            1) or (1=1                                                   | 1)&(1
            1 UNION SELECT 1                                             | 1UE1
            SELECT * FROM users WHERE id = 1                             | Eoknk
            x' AND 1=(SELECT COUNT(*) FROM tabname); --                  | s&1o(
            /*!12345UNION SELECT*/                                       | X
            """)
    void detectsInjectionWithFingerprint(String input, String fingerprint) {
        assertEquals(fingerprint, SqliDetector.detect(input));
        assertTrue(SqliDetector.isSqli(input));
        assertTrue(SqliDetector.isListedFingerprint(fingerprint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "hello world", "1 union", "foo -- bar", "sexy and 17",
        "foo 'bar' \"zap\"", "1# blah blah", "x", "'", "\"", "--", "/*", "$$", "@@", "[", "`"})
    void benignInputsAreNotDetected(String input) {
        assertNull(SqliDetector.detect(input));
        assertFalse(SqliDetector.isSqli(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyAreNotSqli(String input) {
        assertNull(SqliDetector.detect(input));
        assertEquals("", SqliDetector.fingerprint(input, 0));
        assertEquals(List.of(), SqliDetector.tokenize(input, ANSI));
        assertEquals(List.of(), SqliDetector.fold(input, ANSI));
    }

    static Stream<Arguments> contexts() {
        return Stream.of(
                Arguments.of("1' or '1'='1", ANSI, "1s1s1"),
                Arguments.of("1' or '1'='1", SqliDetector.FLAG_QUOTE_SINGLE | SqliDetector.FLAG_SQL_ANSI, "s&sos"),
                Arguments.of("1\" or \"1\"=\"1", SqliDetector.FLAG_QUOTE_DOUBLE | SqliDetector.FLAG_SQL_MYSQL, "s&sos"),
                // '#' is an operator in ANSI SQL ("1 # foo" folds to "1") and a comment in MySQL
                Arguments.of("1 #foo", ANSI, "1"),
                Arguments.of("1 #foo", SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_MYSQL, "1c"),
                // "--x" is a comment in ANSI SQL and two minus signs in MySQL
                Arguments.of("1--x", ANSI, "1c"),
                Arguments.of("1--x", SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_MYSQL, "1"),
                Arguments.of("", ANSI, ""));
    }

    @ParameterizedTest
    @MethodSource("contexts")
    void fingerprintDependsOnContext(String input, int flags, String fingerprint) {
        assertEquals(fingerprint, SqliDetector.fingerprint(input, flags));
    }

    @Test
    void aClearedWorkspaceKeepsNothingOfTheValuesAndStillDetects() {
        SqliDetector.Workspace workspace = new SqliDetector.Workspace();
        assertEquals("s&1", SqliDetector.detect("1' or 1=1 -- secret-token", workspace).substring(0, 3));
        assertFalse(workspace.holdsNoInput(), "the parser views the last value until cleared");
        workspace.clear();
        assertTrue(workspace.holdsNoInput());
        assertNull(SqliDetector.detect("plain words here", workspace));
        assertEquals(SqliDetector.detect("1 union select password from users"),
                SqliDetector.detect("1 union select password from users", workspace));
    }

    @Test
    void tokenValuesAreTruncatedTo31Bytes() {
        String longWord = "a".repeat(100);
        List<SqliToken> tokens = SqliDetector.tokenize("SELECT '" + longWord + "'", ANSI);
        assertEquals(2, tokens.size());
        assertEquals('s', tokens.get(1).type());
        assertEquals(31, tokens.get(1).value().length());
        assertEquals('\'', tokens.get(1).strOpen());
        assertEquals('\'', tokens.get(1).strClose());
    }

    @Test
    void variablesCountTheirAtSigns() {
        List<SqliToken> tokens = SqliDetector.tokenize("@@version @x", ANSI);
        assertEquals(List.of(new SqliToken('v', "version", 2, (char) 0, (char) 0, 2),
                new SqliToken('v', "x", 11, (char) 0, (char) 0, 1)), tokens);
    }

    @Test
    void nonAsciiBytesAndNulDoNotBreakDetection() {
        assertEquals("s&1c", SqliDetector.detect("\u00e9\u00e8' or 1=1--"));
        assertEquals("s&1c", SqliDetector.detect("1\0' or 1=1 --"));
        assertEquals("1UEn", SqliDetector.detect("1 union select \u00e9"));
    }

    @Test
    void charsAboveFfAreReadAsUtf8() {
        // U+20AC is E2 82 AC in UTF-8: three word bytes, then the quote
        assertEquals("s&1c", SqliDetector.detect("\u20ac' or 1=1--"));
        assertEquals(SqliDetector.detect("\u00e2\u0082\u00ac' or 1=1--"), SqliDetector.detect("\u20ac' or 1=1--"));
    }

    static Stream<String> hugeInputs() {
        int n = 1 << 20;
        return Stream.of(
                "'".repeat(n),
                "\\".repeat(n) + "'",
                "/*".repeat(n / 2),
                "1+".repeat(n / 2) + "1",
                "$a$" + "$a".repeat(n / 2),
                "(".repeat(n) + "1",
                "-".repeat(n),
                "a".repeat(n),
                "1 union select ".repeat(n / 16),
                "q'[" + "x".repeat(n));
    }

    @ParameterizedTest
    @MethodSource("hugeInputs")
    void hugeInputsFinishQuickly(String input) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            SqliDetector.detect(input);
            SqliDetector.fold(input, ANSI);
        });
    }
}
