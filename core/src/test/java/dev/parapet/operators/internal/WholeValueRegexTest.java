package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safere.Matcher;
import org.safere.Pattern;

class WholeValueRegexTest {

    private static final String[] RECOGNISED = {"^.*$", ".*", "^.*", ".*$", "(?i)^.*$", "(?s)(?i).*", "(?is)^.*$"};

    @ParameterizedTest
    @ValueSource(strings = {"^.*$", ".*", "^.*", ".*$", "(?i)^.*$", "(?s)(?i).*", "(?is)^.*$"})
    void recognisesDotStarWithOptionalAnchors(String pcre) {
        assertTrue(WholeValueRegex.matchesEveryValueWhole(ModSecRegex.compile(pcre, false)));
        assertTrue(WholeValueRegex.matchesEveryValueWhole(ModSecRegex.compile(pcre, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^.+$", "^.*?$", ".*a", "(?m)^.*$", "(?-s)^.*$", "(?x)^.*$", "(?i:^.*$)", "(.*)",
        "^(?:.*)$", "\\.*", "[.]*", "^.*\\Z", ""})
    void leavesEverythingElseAlone(String pcre) {
        assertFalse(WholeValueRegex.matchesEveryValueWhole(ModSecRegex.compile(pcre, false)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, Pattern.MULTILINE, Pattern.COMMENTS})
    void needsDotAllAndNoLineOrCommentMode(int extraFlags) {
        int flags = extraFlags == 0 ? Pattern.UNIX_LINES : ModSecRegex.flags(false) | extraFlags;
        assertFalse(WholeValueRegex.matchesEveryValueWhole(Pattern.compile("^.*\\z", flags)));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("a\n\r\u0085\u2028\u0000\uD800\uDC00\uFFFF").ofMaxLength(12));
    }

    /** What the shortcut assumes: SafeRE's first match of each recognised pattern is the whole value. */
    @Property(tries = 1000)
    void safeReMatchesTheWholeValue(@ForAll("values") String value) {
        for (String pcre : RECOGNISED) {
            for (boolean caseInsensitive : new boolean[] {false, true}) {
                Matcher m = ModSecRegex.compile(pcre, caseInsensitive).matcher(value);
                assertTrue(m.find(), pcre);
                assertEquals(0, m.start(), pcre);
                assertEquals(value.length(), m.end(), pcre);
                assertEquals(value, m.group(), pcre);
            }
        }
    }
}
