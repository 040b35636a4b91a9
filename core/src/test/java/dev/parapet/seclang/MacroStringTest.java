package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing and expanding {@code %{collection.key}} macros. */
class MacroStringTest {

    /** Expands with a resolver that shows what it was asked: {@code [COLLECTION|key]}. */
    private static String echo(String text) {
        return MacroString.parse(text).expand((c, k) -> "[" + c + "|" + k + "]");
    }

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("plain text", "plain text"),
                Arguments.of("", ""),
                Arguments.of("%{tx.a}", "[TX|a]"),
                // the collection is upper-cased, the key is kept as written (lookups fold case later)
                Arguments.of("%{tx.Anomaly_Score}", "[TX|Anomaly_Score]"),
                Arguments.of("%{MATCHED_VAR}", "[MATCHED_VAR|null]"),
                Arguments.of("%{matched_var_name}", "[MATCHED_VAR_NAME|null]"),
                Arguments.of("%{request_headers.host}", "[REQUEST_HEADERS|host]"),
                Arguments.of("%{ARGS:foo}", "[ARGS|foo]"),
                Arguments.of("%{tx.a.b}", "[TX|a.b]"),
                Arguments.of("%{tx.a:b}", "[TX|a:b]"),
                Arguments.of("%{ rule.id }", "[RULE|id]"),
                Arguments.of("x%{tx.a}y%{tx.b}z", "x[TX|a]y[TX|b]z"),
                Arguments.of("%{tx.a}%{tx.b}", "[TX|a][TX|b]"),
                Arguments.of("1%{tx.a}2%{tx.b}3%{tx.c}", "1[TX|a]2[TX|b]3[TX|c]"),
                Arguments.of("1%{tx.a}2%{tx.b}3%{tx.c}4", "1[TX|a]2[TX|b]3[TX|c]4"),
                Arguments.of("%{tx.a}%{tx.b}%{tx.c}%{tx.d}%{tx.e}%{tx.f}%{tx.g}%{tx.h}",
                        "[TX|a][TX|b][TX|c][TX|d][TX|e][TX|f][TX|g][TX|h]"),
                Arguments.of("100%", "100%"),
                Arguments.of("%%{tx.a}", "%[TX|a]"),
                Arguments.of("{tx.a}", "{tx.a}"),
                Arguments.of("% {tx.a}", "% {tx.a}"),
                // an unterminated macro is literal text
                Arguments.of("a%{tx.a", "a%{tx.a"),
                Arguments.of("%{tx.a}%{tx.b", "[TX|a]%{tx.b"),
                Arguments.of("%{tx.a%{tx.b}", "[TX|a%{tx.b]"),
                Arguments.of("%{}", "[|null]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expansions")
    void expands(String text, String expected) {
        assertEquals(expected, echo(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expansions")
    void keepsTheSource(String text, String expected) {
        MacroString m = MacroString.parse(text);
        assertEquals(text, m.source());
        assertEquals(text, m.toString());
        assertEquals(!text.equals(expected), m.hasMacros());
    }

    @Test
    void missingValuesExpandToNothing() {
        assertEquals("score= of 5", MacroString.parse("score=%{tx.score} of 5").expand((c, k) -> null));
    }

    @Test
    void textWithoutMacrosIsReturnedAsIs() {
        String text = "no macros here";
        MacroString m = MacroString.parse(text);
        assertFalse(m.hasMacros());
        assertSame(text, m.expand((c, k) -> {
            throw new AssertionError("resolver must not be called");
        }));
    }

    @Test
    void aSingleReferenceExpandsToTheValueItself() {
        // @within %{tx.restricted_headers_basic} runs per header: the list must not be copied each time
        String list = "/accept-charset/ /content-encoding/ /proxy/ /lock-token/ /content-range/ /if/";
        assertSame(list, MacroString.parse("%{tx.restricted_headers_basic}").expand((c, k) -> list));
        assertEquals("", MacroString.parse("%{tx.unset}").expand((c, k) -> null));
    }

    @Test
    void valuesLongerThanTheTemplateExpandInFull() {
        String value = "v".repeat(1000);
        assertEquals("a" + value + "b" + value, MacroString.parse("a%{tx.x}b%{tx.y}").expand((c, k) -> value));
        assertEquals("=" + value, MacroString.parse("=%{tx.x}").expand((c, k) -> value));
        assertEquals(value + value, MacroString.parse("%{tx.x}%{tx.y}").expand((c, k) -> value));
    }

    @Test
    void resolverIsAskedOncePerMacroInOrder() {
        List<String> asked = new ArrayList<>();
        MacroString.parse("%{tx.a}-%{ARGS.b}-%{tx.a}").expand((c, k) -> {
            asked.add(c + "." + k);
            return "";
        });
        assertEquals(List.of("TX.a", "ARGS.b", "TX.a"), asked);
    }

    @Test
    void valuesAreNotExpandedTwice() {
        // A value that itself looks like a macro stays literal: request data cannot inject macros.
        assertEquals("x%{tx.secret}x", MacroString.parse("x%{ARGS.q}x").expand((c, k) -> c.equals("ARGS") ? "%{tx.secret}" : "!"));
        assertTrue(MacroString.parse("%{tx.a}").hasMacros());
    }
}
