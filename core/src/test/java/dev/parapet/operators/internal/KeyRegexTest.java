package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.engine.internal.Ascii;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRegexTest {

    /** Selectors CRS writes, and shapes near the exact-prefix rule that must still search. */
    private static final List<String> SELECTORS = List.of(
            "^header_name_920450_", "MULTIPART_HEADERS_CONTENT_TYPES_*", "^_pk_ref", "^pbjs-\\w+$",
            "^_ga(?:_\\w+)?$", "\\x22?\\x24Version", "__utm", "rfi_parameter_.*", "^Kb", "^a.b", "^ab$", "^",
            "ab|cd", "^[\\w]+\\[[\\w\\-]+\\]\\[[\\w\\-]*?\\]$");

    private static KeyRegex selector(String text) {
        return KeyRegex.of(ModSecRegex.compile(text, true));
    }

    private static String verdict(KeyRegex regex, String key) {
        return switch (regex.quickVerdict(Ascii.lower(key))) {
            case KeyRegex.SELECTED -> "selected";
            case KeyRegex.REJECTED -> "rejected";
            default -> "search";
        };
    }

    @ParameterizedTest(name = "/{0}/ on {1}: {2}")
    @CsvSource(delimiterString = "=>", value = {
        // ^ and plain characters: answered exactly, case-insensitively
        "^header_name_920450_              => header_name_920450_accept     => selected",
        "^header_name_920450_              => HEADER_NAME_920450_ACCEPT     => selected",
        "^header_name_920450_              => x_header_name_920450_         => rejected",
        "^header_name_920450_              => header_name_920450            => rejected",
        // required literals reject keys without them; keys with them are left to the regex
        "MULTIPART_HEADERS_CONTENT_TYPES_* => anomaly_score_pl1             => rejected",
        "MULTIPART_HEADERS_CONTENT_TYPES_* => multipart_headers_content_types_x => search",
        "^_ga(?:_\\w+)?$                   => sessionid                     => rejected",
        "^_ga(?:_\\w+)?$                   => _ga_ABC                       => search",
        "^_ga(?:_\\w+)?$                   => x_ga                          => search",
        // no usable literal: always the regex
        "^                                 => anything                      => search",
        "^a.b                              => axb                           => search",
    })
    void verdicts(String selector, String key, String expected) {
        assertEquals(expected, verdict(selector(selector), key));
    }

    @Test
    void charactersWhoseUnicodeCaseFoldsToAsciiGetTheRegexVerdict() {
        // The literal tests fold ASCII only; they stay sound as long as the regex engine's case-insensitive
        // matching does too. This fails first if a SafeRE upgrade starts folding these.
        for (String key : List.of("\u212Ab", "\u017Fession", "_pk_ref\u0130", "HEADER_NAME_920450_\u212A",
                "multipart_headers_content_types\u017F")) {
            for (String selector : SELECTORS) {
                KeyRegex regex = selector(selector);
                assertEquals(regex.pattern().matcher(key).find(), regex.selects(key, Ascii.lower(key)),
                        () -> "/" + selector + "/ on " + key);
            }
        }
        assertEquals("rejected", verdict(selector("^Kb"), "\u212Ab"));
    }

    @Property(tries = 3000)
    void agreesWithTheRegex(@ForAll("selectors") String selector, @ForAll("keys") String key) {
        KeyRegex regex = selector(selector);
        boolean searched = regex.pattern().matcher(key).find();
        assertEquals(searched, regex.selects(key, Ascii.lower(key)), () -> "/" + selector + "/ on " + key);
    }

    @Provide
    Arbitrary<String> selectors() {
        return Arbitraries.of(SELECTORS);
    }

    @Provide
    Arbitrary<String> keys() {
        // Pieces of the selectors' literals in both cases, so matches are frequent, plus characters whose
        // Unicode case folds to ASCII (Kelvin sign, long s), Latin-1 letters and separators.
        Arbitrary<String> piece = Arbitraries.of("header_name_920450_", "HEADER_", "multipart_headers_content_types",
                "_", "_ga", "_GA", "pbjs-", "_pk_ref", "\"$version", "$Version", "__utm", "rfi_parameter_", "kb",
                "\u212Ab", "\u017F", "\u00C9", "\u00E9", "ab", "cd", "a", "b", "[x]", "[", "]", "-", "x", "1");
        return piece.list().ofMinSize(0).ofMaxSize(5).map(parts -> String.join("", parts));
    }
}
