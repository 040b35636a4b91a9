package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqliDataTest {

    @Test
    void resourceMatchesLibinjectionJson() throws IOException {
        Path json = SqliTestSupport.libinjectionDir().resolve("src").resolve("sqlparse_data.json");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        SqliData data = SqliData.get();

        SqliCharClass[] classes = data.charClasses();
        for (int i = 0; i < 256; i++) {
            assertEquals(root.get("charmap").get(i).asText(), "CHAR_" + classes[i].name(), "byte " + i);
        }
        Map<String, Character> keywords = new HashMap<>();
        root.get("keywords").fields().forEachRemaining(e -> keywords.put(e.getKey().toUpperCase(), e.getValue().asText().charAt(0)));
        assertEquals(keywords, data.keywords());
        Set<String> fingerprints = new HashSet<>();
        root.get("fingerprints").forEach(f -> fingerprints.add(SqliParser.asciiUpper(f.asText())));
        assertEquals(fingerprints, data.fingerprints());
    }

    @Test
    void resourceIsComplete() {
        SqliData data = SqliData.get();
        assertTrue(data.keywordCount() > 900, "keywords: " + data.keywordCount());
        assertTrue(data.fingerprintCount() > 8000, "fingerprints: " + data.fingerprintCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SELECT    | E
            select    | E
            SeLeCt    | E
            UNION ALL | U
            &&        | &
            sleep     | f
            nosuchword| ''
            ''        | ''
            """)
    void lookupIsAsciiCaseInsensitive(String word, String type) {
        char expected = type.isEmpty() ? 0 : type.charAt(0);
        assertEquals(expected, SqliData.get().lookupWord(word == null ? "" : word));
    }

    @Test
    void lookupDoesNotFoldNonAsciiCase() {
        // only a-z are upper-cased, like libinjection's cstrcasecmp
        assertEquals(0, SqliData.get().lookupWord("SELECT\u00e9"));
        assertEquals(0, SqliData.get().lookupWord("SELECT\0"));
    }

    @Test
    void fingerprintsCompareUpperCased() {
        assertTrue(SqliData.get().isFingerprint("s&sos"));
        assertTrue(SqliData.get().isFingerprint("S&SOS"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            s&sos        | true
            S&sOs        | true
            s&so         | false
            s&sosX       | false
            s&sosXXXXXX  | false
            ""           | false
            """)
    void fingerprintLookupIsExactUpToAsciiCase(String fingerprint, boolean listed) {
        assertEquals(listed, SqliData.get().isFingerprint(fingerprint));
        assertEquals(listed, SqliData.get().fingerprints().contains(SqliParser.asciiUpper(fingerprint)));
    }

    @Test
    void fingerprintsWithNulOrNonByteCharsAreNotListed() {
        // spelled out here: CSV sources drop NULs
        for (String fingerprint : List.of("s&sos\0", "s&so\0", "\0", "s\u0100sos", "s\u0126sos", "\u0153")) {
            assertFalse(SqliData.get().isFingerprint(fingerprint), fingerprint);
        }
    }

    @Test
    void everyListedFingerprintAndKeywordIsFound() {
        SqliData data = SqliData.get();
        for (String fingerprint : data.fingerprints()) {
            assertTrue(data.isFingerprint(fingerprint.toLowerCase(java.util.Locale.ROOT)), fingerprint);
        }
        for (Map.Entry<String, Character> keyword : data.keywords().entrySet()) {
            String word = "(" + keyword.getKey().toLowerCase(java.util.Locale.ROOT) + ")";
            assertEquals(keyword.getValue(), data.lookupWord(word, 1, word.length() - 2), word);
        }
    }

    @Test
    void malformedDataIsRejected() {
        assertThrows(IllegalStateException.class,
                () -> SqliData.parse(new BufferedReader(new StringReader("@charmap\n0-255 WHITE\n@keywords\nbad\n"))));
        assertThrows(IllegalStateException.class,
                () -> SqliData.parse(new BufferedReader(new StringReader("@charmap\n0-254 WHITE\n"))));
    }
}
