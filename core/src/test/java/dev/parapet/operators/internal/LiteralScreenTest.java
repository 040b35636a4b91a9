package dev.parapet.operators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralScreenTest {

    /** Slots: 0 {he, she}, 1 {his}, 2 {hers}, 3 {select, union}, 4 {'}, 5 {k}. */
    private static final LiteralScreen SCREEN = LiteralScreen.build(List.of(
            Set.of("he", "she"), Set.of("his"), Set.of("hers"), Set.of("select", "union"), Set.of("'"), Set.of("k")));

    private static String slots(String value) {
        long[] found = SCREEN.scan(value);
        List<String> out = new ArrayList<>();
        for (int slot = 0; slot < SCREEN.slots(); slot++) {
            if (SCREEN.passes(found, slot, value)) {
                out.add(Integer.toString(slot));
            }
        }
        return String.join(" ", out);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Kelvin \u212A          | 5",
        "ı                      | NONE",
        "ushers                 | 0 2",
        "ahis                   | 1",
        "SELECT 1               | 3",
        "x UnIoN y              | 3",
        "it's                   | 4",
        "\u212Aelvin            | 5",
        "plain text             | NONE",
        "h                      | NONE",
        "é                      | NONE"})
    void reportsSlotsWithALiteralPresent(String value, String expected) {
        assertEquals(expected == null ? "" : expected, slots(value));
    }

    @ParameterizedTest
    @CsvSource({"''", "a", "b a"})
    void valuesWithoutTheLiteralFailItsSlot(String value) {
        LiteralScreen screen = LiteralScreen.build(List.of(Set.of("ab")));
        assertFalse(screen.passes(screen.scan(value), 0, value));
    }

    /** Long literals are cut to a few characters (sound: a prefix of a required literal is required too). */
    @Test
    void longLiteralsAreScreenedByTheirPrefix() {
        LiteralScreen screen = LiteralScreen.build(List.of(Set.of("information_schema")));
        assertTrue(screen.passes(screen.scan("x INFORMATION_SCHEMA y"), 0, "x INFORMATION_SCHEMA y"));
        assertTrue(screen.passes(screen.scan("inform"), 0, "inform"));
        assertFalse(screen.passes(screen.scan("inf"), 0, "inf"));
    }

    @ParameterizedTest
    @CsvSource({"''", "Ab", "é"})
    void rejectsLiteralsItCannotFold(String literal) {
        assertThrows(IllegalArgumentException.class, () -> LiteralScreen.build(List.of(Set.of(literal))));
    }

    /** Agrees with a plain case-insensitive contains() for every slot, with many slots (several bit words). */
    @Property(tries = 300)
    void agreesWithContains(@ForAll @Size(min = 1, max = 150) List<@StringLength(min = 1, max = 4)
            @Chars({'a', 'b', 'c', '\''}) String> literals,
            @ForAll @StringLength(max = 40) @Chars({'a', 'b', 'c', 'A', 'B', '\'', 'x'}) String value) {
        List<Set<String>> slots = new ArrayList<>();
        for (String literal : literals) {
            slots.add(Set.of(literal));
        }
        LiteralScreen screen = LiteralScreen.build(slots);
        long[] found = screen.scan(value);
        String lower = value.toLowerCase(Locale.ROOT);
        for (int slot = 0; slot < literals.size(); slot++) {
            assertEquals(lower.contains(literals.get(slot)), screen.passes(found, slot, value),
                    literals.get(slot) + " in " + value);
        }
    }

    /**
     * With sets of literals longer than the automaton's depth, many of them equal once cut (so that slots share
     * automaton bits): a slot passes exactly when the value contains the cut prefix of one of its literals.
     */
    @Property(tries = 300)
    void agreesWithContainsOfCutPrefixes(@ForAll @Size(min = 1, max = 200) List<@Size(min = 1, max = 3) Set<
            @StringLength(min = 2, max = 7) @Chars({'a', 'b', '\''}) String>> slots,
            @ForAll @StringLength(max = 40) @Chars({'a', 'b', 'A', '\'', 'x'}) String value) {
        LiteralScreen screen = LiteralScreen.build(slots);
        long[] found = screen.scan(value);
        String lower = value.toLowerCase(Locale.ROOT);
        for (int slot = 0; slot < slots.size(); slot++) {
            boolean expected = false;
            for (String literal : slots.get(slot)) {
                expected |= lower.contains(literal.substring(0, Math.min(literal.length(), LiteralScreen.MAX_DEPTH)));
            }
            assertEquals(expected, screen.passes(found, slot, value), slots.get(slot) + " in " + value);
        }
    }
}
