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

    /** Whether {@code screen} lets {@code value} through {@code slot}, scanned in a fresh arena. */
    private static boolean passes(LiteralScreen screen, String value, int slot) {
        ScreenArena arena = new ScreenArena();
        return screen.passes(arena, screen.scan(value, arena), slot, value);
    }

    private static String slots(String value) {
        ScreenArena arena = new ScreenArena();
        int found = SCREEN.scan(value, arena);
        List<String> out = new ArrayList<>();
        for (int slot = 0; slot < SCREEN.slots(); slot++) {
            if (SCREEN.passes(arena, found, slot, value)) {
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
        assertFalse(passes(screen, value, 0));
    }

    /** Long literals are cut to a few characters (sound: a prefix of a required literal is required too). */
    @Test
    void longLiteralsAreScreenedByTheirPrefix() {
        LiteralScreen screen = LiteralScreen.build(List.of(Set.of("information_schema")));
        assertTrue(passes(screen, "x INFORMATION_SCHEMA y", 0));
        assertTrue(passes(screen, "inform", 0));
        assertFalse(passes(screen, "inf", 0));
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
        ScreenArena arena = new ScreenArena();
        arena.allocate(3); // results need not start at offset 0
        int found = screen.scan(value, arena);
        String lower = value.toLowerCase(Locale.ROOT);
        for (int slot = 0; slot < literals.size(); slot++) {
            assertEquals(lower.contains(literals.get(slot)), screen.passes(arena, found, slot, value),
                    literals.get(slot) + " in " + value);
        }
    }

    /**
     * A union of several values' scans fails a slot exactly when no value passes it (literals added only when
     * the union asks for them, as the engine does).
     */
    @Property(tries = 300)
    void unionFailsOnlyWhenNoValuePasses(@ForAll @Size(min = 1, max = 100) List<@StringLength(min = 1, max = 4)
            @Chars({'a', 'b', 'c', '\''}) String> literals,
            @ForAll @Size(max = 6) List<@StringLength(max = 20) @Chars({'a', 'b', 'c', 'A', '\'', 'x'}) String> values) {
        List<Set<String>> slots = new ArrayList<>();
        for (String literal : literals) {
            slots.add(Set.of(literal));
        }
        LiteralScreen screen = LiteralScreen.build(slots);
        ScreenArena arena = new ScreenArena();
        int[] founds = new int[values.size()];
        int union = screen.newUnion(arena);
        for (int i = 0; i < values.size(); i++) {
            founds[i] = screen.scan(values.get(i), arena);
            screen.addCharacters(arena, union, founds[i]);
        }
        for (int slot = 0; slot < literals.size(); slot++) {
            boolean anyPasses = false;
            for (int i = 0; i < values.size(); i++) {
                anyPasses |= screen.passes(arena, founds[i], slot, values.get(i));
            }
            int verdict = screen.unionPasses(arena, union, slot);
            if (verdict == LiteralScreen.NEEDS_LITERALS) {
                for (int i = 0; i < values.size(); i++) {
                    screen.addLiterals(arena, union, founds[i], values.get(i));
                }
                screen.literalsAdded(arena, union);
                verdict = screen.unionPasses(arena, union, slot);
            }
            assertEquals(anyPasses, verdict == LiteralScreen.MAY_PASS, literals.get(slot) + " in " + values);
        }
    }

    @Test
    void unionOfNoValuesFailsEverySlot() {
        ScreenArena arena = new ScreenArena();
        int union = SCREEN.newUnion(arena);
        for (int slot = 0; slot < SCREEN.slots(); slot++) {
            assertEquals(LiteralScreen.FAILS, SCREEN.unionPasses(arena, union, slot));
        }
    }

    /** Results survive the arena growing under them, and a cleared arena starts from zeroed words. */
    @Test
    void arenaGrowsAndClears() {
        ScreenArena arena = new ScreenArena();
        int first = SCREEN.scan("it's", arena);
        for (int i = 0; i < 1000; i++) {
            SCREEN.scan("plain text " + i, arena);
        }
        assertTrue(SCREEN.passes(arena, first, 4, "it's"));
        arena.clear();
        int again = SCREEN.scan("plain", arena);
        assertFalse(SCREEN.passes(arena, again, 4, "plain"));
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
        ScreenArena arena = new ScreenArena();
        int found = screen.scan(value, arena);
        String lower = value.toLowerCase(Locale.ROOT);
        for (int slot = 0; slot < slots.size(); slot++) {
            boolean expected = false;
            for (String literal : slots.get(slot)) {
                expected |= lower.contains(literal.substring(0, Math.min(literal.length(), LiteralScreen.MAX_DEPTH)));
            }
            assertEquals(expected, screen.passes(arena, found, slot, value), slots.get(slot) + " in " + value);
        }
    }
}
