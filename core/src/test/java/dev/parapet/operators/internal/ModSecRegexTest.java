package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parapet.seclang.SecLangException;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModSecRegexTest {

    static Stream<Arguments> rewrites() {
        return Stream.of(
                Arguments.of("abc", "abc"),
                Arguments.of("", ""),
                Arguments.of("^\\d+$", "^\\d+\\z"),
                Arguments.of("a$|b$", "a\\z|b\\z"),
                Arguments.of("\\$", "\\$"),
                Arguments.of("[$]", "[$]"),
                Arguments.of("\\\\$", "\\\\\\z"),
                Arguments.of("(?m)^a$", "(?m)^a$"),
                Arguments.of("(?im:a$)", "(?im:a$)"),
                Arguments.of("(?i)a$", "(?i)a\\z"),
                Arguments.of("(?s-m)a$", "(?s-m)a\\z"),
                Arguments.of("\\s", "[\\t\\n\\x0b\\f\\r ]"),
                Arguments.of("\\S+", "[^\\t\\n\\x0b\\f\\r ]+"),
                Arguments.of("[\\s\\x0b]", "[\\t\\n\\x0b\\f\\r \\x0b]"),
                Arguments.of("[^\\s,]", "[^\\t\\n\\x0b\\f\\r ,]"),
                Arguments.of("[^\\S\\n]", "[^\\S\\n]"),
                Arguments.of("\\\\s", "\\\\s"),
                Arguments.of("[]a]", "[\\]a]"),
                Arguments.of("[^]a]", "[^\\]a]"),
                Arguments.of("[a]]", "[a]]"),
                Arguments.of("[a[b]", "[a\\[b]"),
                Arguments.of("[a&&b]", "[a\\&\\&b]"),
                Arguments.of("[[:digit:]_]", "[0-9_]"),
                Arguments.of("[^[:alpha:]]", "[^A-Za-z]"),
                Arguments.of("[[:bogus:]]", "[\\[:bogus:]]"),
                Arguments.of("[\\]]", "[\\]]"),
                Arguments.of("a{2}", "a{2}"),
                Arguments.of("a{2,}", "a{2,}"),
                Arguments.of("a{2,5}", "a{2,5}"),
                Arguments.of("a{,5}", "a\\{,5}"),
                Arguments.of("{x}", "\\{x}"),
                Arguments.of("\\x41", "\\x41"),
                Arguments.of("\\xA", "\\x0a"),
                Arguments.of("\\xAg", "\\x0ag"),
                Arguments.of("\\x", "\\x00"),
                Arguments.of("\\x{e9}", "\\x{e9}"),
                Arguments.of("[\\x{41}-\\x{5a}]", "[\\x{41}-\\x{5a}]"),
                Arguments.of("\\0", "\\x00"),
                Arguments.of("\\012", "\\x0a"),
                Arguments.of("\\0123", "\\x0a3"),
                Arguments.of("\\Q$\\s[\\E$", "\\Q$\\s[\\E\\z"),
                Arguments.of("\\b\\w\\d\\B", "\\b\\w\\d\\B"),
                Arguments.of("\"'", "\"'"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rewrites")
    void rewritesPcreToSafeRe(String pcre, String expected) {
        assertEquals(expected, ModSecRegex.rewrite(pcre));
    }

    /** ModSecurity v2 (PCRE, DOTALL | DOLLAR_ENDONLY, no UCP) expectations, see inventory §2.3 and §4. */
    static Stream<Arguments> semantics() {
        return Stream.of(
                Arguments.of("^\\d+$", "5\n", false),
                Arguments.of("^\\d+$", "5", true),
                Arguments.of("^[a-z]{3,10}$", "test\r\n", false),
                Arguments.of("a\\Z", "a\n", true),
                Arguments.of("a\\Z", "a\r", false),
                Arguments.of("(?m)a$", "a\nb", true),
                Arguments.of("(?m)a$", "a\rb", false),
                Arguments.of("\\s", "\u000b", true),
                Arguments.of("\\s", "\u0085", false),
                Arguments.of("\\s", "\u00a0", false),
                Arguments.of("[\\s]", "\u000b", true),
                Arguments.of("\\S", "\u000b", false),
                Arguments.of("\\S", "\u00a0", true),
                Arguments.of("\\S", "\u0085", true),
                Arguments.of("[\\S]", "\u000b", false),
                Arguments.of("[\\S]", "\u00a0", true),
                Arguments.of("[^\\S\\n]", "\u000b", true),
                Arguments.of("[^\\S\\n]", "\n", false),
                Arguments.of("\\w", "\u00e9", false),
                Arguments.of("\\W", "\u00e9", true),
                Arguments.of("\\d", "\u00b2", false),
                Arguments.of("\\bx", "\u00e9x", true),
                Arguments.of("\\Bx", "\u00e9x", false),
                Arguments.of("(?i)\u00e9", "\u00c9", false),
                Arguments.of("(?i)[\\xe0-\\xfe]", "\u00c9", false),
                Arguments.of("(?i)ABC", "abc", true),
                Arguments.of("(?i)k", "K", true),
                Arguments.of("a.b", "a\nb", true),
                Arguments.of("[a[b]", "[", true),
                Arguments.of("[a&&b]", "&", true),
                Arguments.of("[a&&b]", "a", true),
                Arguments.of("[]a]", "]", true),
                Arguments.of("[^]a]", "]", false),
                Arguments.of("[[:digit:]]", "5", true),
                Arguments.of("[[:digit:]]", ":", false),
                Arguments.of("a{,3}", "a{,3}", true),
                Arguments.of("a{,3}", "aa", false),
                Arguments.of("\\xA", "\n", true),
                Arguments.of("\\012", "\n", true),
                Arguments.of("\\x{e9}", "\u00e9", true),
                Arguments.of("\\Q$\\E", "$", true),
                Arguments.of("[$]", "$", true),
                Arguments.of("x$", "x$", false),
                Arguments.of("", "", true),
                Arguments.of("(?i:(sleep\\((\\s*?)(\\d*?)(\\s*?)\\)|benchmark\\((.*?)\\,(.*?)\\)))",
                        "SELECT pg_sleep(10);", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("semantics")
    void matchesLikeModSecurityV2(String pattern, String subject, boolean expected) {
        assertEquals(expected, ModSecRegex.compile(pattern, false).matcher(subject).find());
    }

    @Test
    void caseInsensitiveFlagFoldsAsciiOnly() {
        assertEquals(true, ModSecRegex.compile("abc", true).matcher("xABCx").find());
        assertEquals(false, ModSecRegex.compile("\u00e9", true).matcher("\u00c9").find());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[a", "a++", "(?<=a)b", "(a)\\1", "x{2,1}", "\\", "[z-a]"})
    void invalidPatternsAreLoadErrors(String pattern) {
        assertThrows(SecLangException.class, () -> ModSecRegex.compile(pattern, false));
    }

    @Test
    void hugeSubjectIsLinear() {
        String subject = "1".repeat(1 << 20) + "x";
        long start = System.nanoTime();
        assertEquals(false, ModSecRegex.compile("^(1+)+$", false).matcher(subject).find());
        assertEquals(true, ModSecRegex.compile("1x$", false).matcher(subject).find());
        // generous bound: a backtracking engine would not finish at all
        assertEquals(true, System.nanoTime() - start < 20_000_000_000L);
    }

    @Property(tries = 300)
    void rewriteNeverFailsAndCompileOnlyThrowsSecLangException(
            @ForAll @StringLength(max = 12) @CharRange(from = ' ', to = '~') String pattern) {
        ModSecRegex.rewrite(pattern);
        try {
            ModSecRegex.compile(pattern, false).matcher("abc$[]{}\\ \n").find();
        } catch (SecLangException expected) {
            // invalid patterns are load-time errors, nothing else may escape
        }
    }
}
