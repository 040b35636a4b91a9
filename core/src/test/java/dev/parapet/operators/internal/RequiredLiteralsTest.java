package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredLiteralsTest {

    /** The clauses as text: clauses joined by " & ", literals of a clause sorted and joined by ",". */
    private static String describe(String pattern) {
        List<String> clauses = new ArrayList<>();
        for (Set<String> clause : RequiredLiterals.of(ModSecRegex.rewrite(pattern))) {
            clauses.add(String.join(",", new TreeSet<>(clause)));
        }
        clauses.sort(null);
        return String.join(" & ", clauses);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', nullValues = "NONE", value = {
        // literals, case folding, concatenation
        "select                         => select",
        "(?i)SeLeCt                      => select",
        "union.*?select.*?from           => from & select & union",
        "a\\.b                          => a.b",
        "\\x41\\x{42}c                  => abc",
        "\\Qa.b\\E                      => a.b",
        // alternation: exact sets, then one clause from each branch
        "cat|dog                        => cat,dog",
        "(?:cre|trunc|upd)ate           => create,truncate,update",
        "\\bfoo\\b.*bar|baz             => bar,baz & baz,foo",
        // optional parts and repetition
        "colou?r                        => color,colour",
        "ab+c                           => a & b & c",
        "x{2,5}yz                       => x & yz",
        "(?:ab)+                        => ab",
        // classes: small positive classes are literal sets, others tell nothing
        "[\"'`]x                        => \"x,'x,`x",
        "[A-C]d                         => ad,bd,cd",
        "[a-z]+q                        => q",
        "[^a]q                          => q",
        "\\w+;                          => ;",
        // things that guarantee nothing
        "a*                             => NONE",
        "a?                             => NONE",
        "\\w+                           => NONE",
        ".                              => NONE",
        "^$                             => NONE",
        "abc|\\d+                       => NONE",
        "(?=abc)                        => NONE",
        // zero-width parts and inline flags
        "^(?i)(?:json\\.)?id$           => id",
        "(?<name>ab)c                   => abc",
        "(?i:ab)c                       => abc",
        // non-ASCII characters are never literals (the scan folds ASCII only)
        "\\x{e9}t\\x{e9}                => t",
        "\\xac\\xed                     => \u00ac",
        // syntax the analysis does not model gives no condition at all
        "(a)\\1                         => NONE",
        "(?x)a b                        => NONE",
        "(?<n>a)\\k<n>                  => NONE",
        "\\cAb                          => NONE"})
    void findsNecessaryLiterals(String pattern, String expected) {
        assertEquals(expected == null ? "" : expected, describe(pattern));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
        "(?i)\\b(?:eval|set(?:timeout|interval)|new[\\s\\x0b]+Function|a(?:lert|tob)|btoa)\\b",
        "\\ba[\"'\\)\\[\\x5c]*(?:(?:\\|\\||&&)[\\s\\x0b]*)?\\x5c?l[\"'\\)\\[\\x5c]*\\x5c?i[\"'\\)\\[\\x5c]*\\x5c?a"})
    void crsShapedPatternsGetConditions(String pattern) {
        assertTrue(!RequiredLiterals.of(ModSecRegex.rewrite(pattern)).isEmpty(), pattern);
    }

    // --- soundness: whatever a regex matches satisfies every clause --------------------------------------

    private static final List<String> ZERO_WIDTH = List.of("(?i)", "\\b", "^", "$");

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "c", "A", "'", "\\x41", "[ab]", "[^a]", "\\w", "\\d",
                ".", "\\b", "^", "$", "[\"']", "\\.", "(?:ab|c)", "(?i)", "\\s", "[a-c]", "x");
        Arbitrary<String> quantified = Arbitraries.oneOf(atom, atom.flatMap(a -> Arbitraries
                .of("*", "+", "?", "{1,3}", "{2}", "*?", "+?")
                .map(q -> ZERO_WIDTH.contains(a) ? a : a + q)));
        Arbitrary<String> concat = quantified.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        Arbitrary<String> group = concat.list().ofMinSize(1).ofMaxSize(3).map(l -> "(?:" + String.join("|", l) + ")");
        Arbitrary<String> term = Arbitraries.oneOf(concat, group,
                Arbitraries.of("", "+", "?", "*").flatMap(q -> group.map(g -> g + q)));
        Arbitrary<String> sequence = term.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
        return sequence.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        return Arbitraries.strings().withChars("abcABCx'\" .1\u212A").ofMaxLength(12).list().ofSize(20);
    }

    @Property(tries = 5000)
    void everyMatchSatisfiesEveryClause(@ForAll("patterns") String pattern,
            @ForAll("inputs") List<String> inputs) {
        List<Set<String>> clauses = RequiredLiterals.of(ModSecRegex.rewrite(pattern));
        if (clauses.isEmpty()) {
            return;
        }
        LiteralScreen screen = LiteralScreen.build(clauses);
        for (boolean caseless : new boolean[] {false, true}) {
            org.safere.Pattern compiled = ModSecRegex.compile(pattern, caseless);
            for (String input : inputs) {
                if (!compiled.matcher(input).find()) {
                    continue;
                }
                ScreenArena arena = new ScreenArena();
                int found = screen.scan(input, arena);
                for (int slot = 0; slot < clauses.size(); slot++) {
                    assertTrue(screen.passes(arena, found, slot, input), "/" + pattern + "/ matched \"" + input
                            + "\" but clause " + clauses.get(slot) + " is unmet");
                }
            }
        }
    }
}
