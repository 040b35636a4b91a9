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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safere.Pattern;

class EndAnchoredFindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "abc\\z                 => abc",
        "(?i)(?:a|b)c\\z        => (?i)(?:a|b)c",
        "(a(b))\\z              => (a(b))",
        "a\\\\\\z               => a\\\\",
        "[|]\\|a\\z             => [|]\\|a"})
    void takesTheBodyBeforeTheFinalEndAnchor(String pattern, String body) {
        assertEquals(body, EndAnchoredFind.bodyBeforeFinalEndAnchor(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "abc",
        "a\\\\z",          // an escaped backslash, then the letter z
        "a\\z\\)",         // a literal ) after the anchor
        "a\\cz",           // control-Z
        "(?:a\\z)",        // inside a group
        "a|b\\z",          // binds the last branch only
        "\\Qa\\z",         // quoted: a literal backslash and z
        "\\Q$\\E\\z",      // quotes are left alone altogether
        "\\Ga\\z",         // depends on where the search starts
        "(?x)a # c\\z",    // a comment
        "(?ix:a)b\\z",
        "(?m)a$",          // multi-line $ is not the end of the subject
        ""})
    void leavesOtherEndingsAlone(String pattern) {
        assertNull(EndAnchoredFind.bodyBeforeFinalEndAnchor(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\.([^.]+)$", "(?i)(?:cat|w(?:ho(?:ami|is)?)?)$", "[;|&](?:b|c)?$"})
    void rewritesUnanchoredPatterns(String pcre) {
        Pattern compiled = ModSecRegex.compile(pcre, true);
        Pattern whole = EndAnchoredFind.asWholeValueMatch(compiled);
        assertNotNull(whole);
        assertEquals("(?s:.*?)(?:" + EndAnchoredFind.bodyBeforeFinalEndAnchor(compiled.pattern()) + ")",
                whole.pattern());
        assertEquals(compiled.flags(), whole.flags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"^\\d+$", "(?i)^(?:get|head)$", "(?s)^a$"})
    void leavesPatternsAnchoredAtTheStart(String pcre) {
        assertNull(EndAnchoredFind.asWholeValueMatch(ModSecRegex.compile(pcre, false)));
    }

    @Provide
    Arbitrary<String> endAnchoredPatterns() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "ab", "a*", "b+?", "[ab]", ".", "\\b", "\\B", "x?", "^",
                "$", "(?:a|ba)", "(a|b)", "\\s", "(?:^|b)", "(?:a|$)", "a{2}", "(?m:^a)", "");
        Arbitrary<String> seq = piece.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> alternation = seq.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
        return Arbitraries.of("", "(?i)", "(?s)", "(?m)").flatMap(head -> alternation.flatMap(inner ->
                seq.flatMap(tail -> Arbitraries.of(
                        head + "(?:" + inner + ")" + tail + "$",
                        head + tail + "(" + inner + ")$",
                        head + "[\\n;|]" + tail + "$",
                        head + inner + "$"))));
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        return Arbitraries.strings().withChars("abAx ;\n").ofMaxLength(8).list().ofSize(20);
    }

    /** Exactness: the whole-value match gives find()'s verdict on every value. */
    @Property(tries = 3000)
    void matchesAnswersFind(@ForAll("endAnchoredPatterns") String pcre, @ForAll boolean caseInsensitive,
            @ForAll("inputs") List<String> inputs) {
        Pattern compiled;
        try {
            compiled = ModSecRegex.compile(pcre, caseInsensitive);
        } catch (RuntimeException e) {
            return;
        }
        Pattern whole = EndAnchoredFind.asWholeValueMatch(compiled);
        if (whole == null) {
            return;
        }
        for (String input : inputs) {
            assertEquals(compiled.matcher(input).find(), whole.matcher(input).matches(),
                    compiled.pattern() + " on " + input);
        }
    }
}
