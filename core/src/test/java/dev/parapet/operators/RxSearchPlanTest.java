package dev.parapet.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.operators.internal.ModSecRegex;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * {@link Rx} searches some constant patterns in cheaper ways (an anchored split, {@code matches()} for a final
 * {@code $}, no search for {@code ^.*$}); whatever it does, its verdict and captures (with and without the
 * {@code capture} action) must be those of one plain SafeRE {@code find} of the rewritten pattern, with matchers
 * reused across values as a transaction reuses them.
 */
class RxSearchPlanTest {

    /** The captures a plain search leaves, starting from {@code before}; {@code null} when it finds nothing. */
    static Map<Integer, String> plainSearch(Matcher plain, String input, Map<Integer, String> before) {
        Matcher m = plain.reset(input);
        if (!m.find()) {
            return null;
        }
        Map<Integer, String> after = new TreeMap<>(before);
        int last = 0;
        for (int g = Math.min(m.groupCount(), 9); g > 0; g--) {
            if (m.start(g) >= 0) {
                last = g;
                break;
            }
        }
        for (int g = 0; g <= 9; g++) {
            if (g <= last) {
                after.put(g, m.group(g) == null ? "" : m.group(g));
            } else {
                after.remove(g);
            }
        }
        return after;
    }

    static void assertSameAsPlainSearch(String pcre, List<String> inputs) {
        assertSameAsPlainSearch(pcre, inputs, true);
        assertSameAsPlainSearch(pcre, inputs, false);
    }

    static void assertSameAsPlainSearch(String pcre, List<String> inputs, boolean capturing) {
        Operator rx = Rx.create(OperatorArgs.of("rx", pcre));
        Matcher plain = ModSecRegex.compile(pcre, false).matcher("");
        FakeContext context = FakeContext.pooled(capturing);
        for (String input : inputs) {
            Map<Integer, String> before = new TreeMap<>(context.captures);
            for (int g = 0; g <= 9; g++) {
                before.putIfAbsent(g, "earlier" + g);
            }
            context.captures.clear();
            context.captures.putAll(before);
            Map<Integer, String> expected = plainSearch(plain, input, before);
            if (!capturing && expected != null) {
                expected = before;
            }
            boolean matched = rx.evaluate(context, input);
            assertEquals(expected != null, matched, pcre + " on " + input);
            assertEquals(expected == null ? before : expected, context.captures, pcre + " on " + input);
        }
    }

    /** Branches the inputs never contain, as most of an attack signature's are on benign values. */
    private static final String UNSEEN_WORDS = "qwertyuiop|zxcvbnm|mnbvcxz";

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> piece = Arbitraries.of("a", "b", "ab", "a*", "b+", "[ab]", ".", "\\b", "x?", "^", "$", "\\s",
                "(?:a|ba)", "(a|b)", "(a)?", "(b*)", "(?:^|b)", "a{2}", "");
        Arbitrary<String> seq = piece.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> alternation = seq.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
        Arbitrary<String> head = Arbitraries.of("", "(?i)");
        return head.flatMap(h -> alternation.flatMap(first -> seq.flatMap(rest -> Arbitraries.of(
                h + "(?:" + first + "|" + UNSEEN_WORDS + ")" + rest + "$",          // EndAnchoredFind
                h + "(?:" + UNSEEN_WORDS + "|" + first + ")(" + rest + ")$",         // with a group at the end
                h + "(?:^" + first + "|" + UNSEEN_WORDS + ")" + rest + "$",          // split, rest as above
                h + "(?:^" + first + "|" + UNSEEN_WORDS + ")" + rest,                // split only
                h + "(?:" + first + "|^" + rest + "|" + UNSEEN_WORDS + ")" + rest,   // anchored branch second
                h + "(?:" + UNSEEN_WORDS + "|" + rest + "|^" + first + ")" + rest + "$",
                h + "^(?:" + first + ")" + rest + "$",                                // plain search
                h + first + "$",                                                      // $ on the last branch
                h + "^.*$", h + ".*", h + "^.*"))));
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        return Arbitraries.strings().withChars("abAx \n").ofMaxLength(8).list().ofSize(20);
    }

    @Property(tries = 2000)
    void findsWhatAPlainSearchFinds(@ForAll("patterns") String pcre, @ForAll("inputs") List<String> inputs) {
        try {
            ModSecRegex.compile(pcre, false);
        } catch (RuntimeException e) {
            return;
        }
        assertSameAsPlainSearch(pcre, inputs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^.*$", "(?i)^.*$", ".*"})
    void wholeValuePatternsCaptureTheValue(String pcre) {
        assertSameAsPlainSearch(pcre, List.of("", "User-Agent", "a\nb", "\u00ff\u0000", "\uD800x", "x".repeat(5000)));
    }
}
