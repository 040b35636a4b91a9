package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing a rule's target list: selectors, regex selectors, {@code !} exclusions, {@code &} counts, XPath. */
class VariableSpecTest {

    private static VariableSpec plain(String collection, String selector) {
        return new VariableSpec(collection, selector, false, false, false);
    }

    private static VariableSpec regex(String collection, String selector) {
        return new VariableSpec(collection, selector, true, false, false);
    }

    private static VariableSpec not(VariableSpec v) {
        return new VariableSpec(v.collection(), v.selector(), v.regex(), true, false);
    }

    private static VariableSpec count(VariableSpec v) {
        return new VariableSpec(v.collection(), v.selector(), v.regex(), false, true);
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("ARGS", List.of(plain("ARGS", null))),
                Arguments.of("args", List.of(plain("ARGS", null))),
                Arguments.of("ARGS:", List.of(plain("ARGS", null))),
                // keys keep their case (matching is case-insensitive later)
                Arguments.of("REQUEST_HEADERS:User-Agent", List.of(plain("REQUEST_HEADERS", "User-Agent"))),
                Arguments.of("ARGS|ARGS_NAMES|REQUEST_BODY",
                        List.of(plain("ARGS", null), plain("ARGS_NAMES", null), plain("REQUEST_BODY", null))),
                Arguments.of(" ARGS | ARGS_NAMES ", List.of(plain("ARGS", null), plain("ARGS_NAMES", null))),
                Arguments.of("ARGS||ARGS_NAMES", List.of(plain("ARGS", null), plain("ARGS_NAMES", null))),
                Arguments.of("!ARGS:pwd", List.of(not(plain("ARGS", "pwd")))),
                Arguments.of("&ARGS", List.of(count(plain("ARGS", null)))),
                Arguments.of("&REQUEST_HEADERS:Host", List.of(count(plain("REQUEST_HEADERS", "Host")))),
                Arguments.of("TX:0", List.of(plain("TX", "0"))),
                Arguments.of("TX:blocking_inbound_anomaly_score", List.of(plain("TX", "blocking_inbound_anomaly_score"))),
                Arguments.of("ARGS:'quoted name'", List.of(plain("ARGS", "quoted name"))),
                Arguments.of("ARGS:'a|b'|ARGS_NAMES", List.of(plain("ARGS", "a|b"), plain("ARGS_NAMES", null))),
                Arguments.of("ARGS:/^user_/", List.of(regex("ARGS", "^user_"))),
                // a | inside the regex does not end the entry; the closing / is the one before | or the end
                Arguments.of("ARGS:/^(a|b)$/|ARGS_NAMES", List.of(regex("ARGS", "^(a|b)$"), plain("ARGS_NAMES", null))),
                Arguments.of("ARGS:/a/b/|ARGS", List.of(regex("ARGS", "a/b"), plain("ARGS", null))),
                Arguments.of("ARGS:/a\\/b/", List.of(regex("ARGS", "a\\/b"))),
                Arguments.of("&ARGS:/^x/", List.of(count(regex("ARGS", "^x")))),
                Arguments.of("REQUEST_COOKIES|!REQUEST_COOKIES:/__utm/|!REQUEST_COOKIES:_ga",
                        List.of(plain("REQUEST_COOKIES", null), not(regex("REQUEST_COOKIES", "__utm")),
                                not(plain("REQUEST_COOKIES", "_ga")))),
                Arguments.of("ARGS://", List.of(regex("ARGS", ""))),
                // XML selectors are XPath, never regexes
                Arguments.of("XML:/*", List.of(plain("XML", "/*"))),
                Arguments.of("XML://@*", List.of(plain("XML", "//@*"))),
                Arguments.of("XML:/*|XML://@*", List.of(plain("XML", "/*"), plain("XML", "//@*"))),
                Arguments.of("xml:/soap:Envelope/soap:Body", List.of(plain("XML", "/soap:Envelope/soap:Body"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lists")
    void parses(String text, List<VariableSpec> expected) {
        assertEquals(expected, VariableSpec.parseList(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lists")
    void toStringRoundTrips(String text, List<VariableSpec> expected) {
        for (VariableSpec spec : expected) {
            if (spec.selector() == null || spec.regex() || spec.selector().indexOf('|') < 0) {
                assertEquals(List.of(spec), VariableSpec.parseList(spec.toString()), spec.toString());
            }
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty variable list"),
                Arguments.of(" | ", "empty variable list"),
                Arguments.of("!", "empty variable name"),
                Arguments.of("ARGS|&", "empty variable name"),
                Arguments.of(":foo", "empty variable name"),
                Arguments.of("ARGS:/abc", "unterminated regex selector"),
                Arguments.of("ARGS:'abc", "unterminated quote"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("malformed")
    void rejects(String text, String reason) {
        SecLangException e = assertThrows(SecLangException.class, () -> VariableSpec.parseList(text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
