package dev.parapet.operators.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pass over a value that tells, for many operators at once, which of them can possibly match it. Each
 * operator condition (a <em>slot</em>) is a set of literals of which a match contains at least one (see
 * {@link RequiredLiterals}); {@link #scan} records what a value contains and {@link #passes} tells whether a
 * slot's literals are present, ASCII case-insensitively. An operator with a failing slot cannot match and
 * need not run.
 *
 * <p>One-character literals, the most common kind, are answered from a 256-bit map of the characters in the
 * value; longer literals by an Aho–Corasick automaton (a complete DFA over the characters the literals use,
 * literals cut to {@link #MAX_DEPTH} characters so that it stays small and cache-resident), run only when a
 * slot needs it and the value holds a first character of one of that slot's literals. Slots whose longer
 * literals are the same once cut share one automaton output bit, which keeps each scan result small. Built
 * once per rule set and shared by all threads; scan results live in a transaction's {@link ScreenArena}.
 */
public final class LiteralScreen {

    /**
     * Multi-character literals are cut to this many characters: a prefix of a required literal is required
     * too, and short literals keep the automaton small.
     */
    static final int MAX_DEPTH = 4;

    /** Words of a scan result holding the character map (Latin-1, upper-case ASCII folded to lower case). */
    private static final int CHAR_WORDS = 4;

    private final long[][] charMasks; // slot -> its one-character literals as a 256-bit map, or null
    private final long[][] leadMasks; // slot -> first characters of its longer literals, or null when none
    private final int[] automatonBit; // slot -> its bit in the automaton's output sets, or -1 when none
    private final byte[] classOf; // Latin-1 char -> alphabet class (0: a char no long literal uses); A-Z as a-z
    private final int classes;
    // (state * classes + class) -> (next state * classes) << 1 | 1 when the next state has an output:
    // premultiplied so that a scan step is one load, a shift and a test.
    private final int[] step;
    private final int[] outputOf; // state -> index into outputs, or -1
    private final long[][] outputs; // bit sets over automaton bits
    private final int automatonWords;

    private LiteralScreen(long[][] charMasks, long[][] leadMasks, int[] automatonBit, int automatonWords,
            byte[] classOf, int classes, int[] step, int[] outputOf, long[][] outputs) {
        this.charMasks = charMasks;
        this.leadMasks = leadMasks;
        this.automatonBit = automatonBit;
        this.automatonWords = automatonWords;
        this.classOf = classOf;
        this.classes = classes;
        this.step = step;
        this.outputOf = outputOf;
        this.outputs = outputs;
    }

    /**
     * Builds a screen; slot {@code s} is {@code literalsBySlot.get(s)}. Literals must be non-empty, lower-case
     * ASCII or caseless Latin-1 (as {@link RequiredLiterals} makes them).
     *
     * @throws IllegalArgumentException for an empty literal or one with other characters
     */
    public static LiteralScreen build(List<Set<String>> literalsBySlot) {
        int slots = literalsBySlot.size();
        long[][] charMasks = new long[slots][];
        long[][] leadMasks = new long[slots][];
        byte[] classOf = new byte[256];
        int classes = 1;
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new HashMap<>());
        ends.add(new ArrayList<>());
        int[] automatonBit = new int[slots];
        Map<Set<String>, Integer> bitOfCutLiterals = new HashMap<>();
        for (int slot = 0; slot < slots; slot++) {
            Set<String> cutLiterals = new TreeSet<>();
            for (String literal : literalsBySlot.get(slot)) {
                validate(literal);
                if (literal.length() == 1) {
                    if (charMasks[slot] == null) {
                        charMasks[slot] = new long[CHAR_WORDS];
                    }
                    char c = literal.charAt(0);
                    charMasks[slot][c >>> 6] |= 1L << c;
                    continue;
                }
                if (leadMasks[slot] == null) {
                    leadMasks[slot] = new long[CHAR_WORDS];
                }
                leadMasks[slot][literal.charAt(0) >>> 6] |= 1L << literal.charAt(0);
                cutLiterals.add(literal.substring(0, Math.min(literal.length(), MAX_DEPTH)));
            }
            if (cutLiterals.isEmpty()) {
                automatonBit[slot] = -1;
                continue;
            }
            Integer known = bitOfCutLiterals.get(cutLiterals);
            if (known != null) {
                automatonBit[slot] = known;
                continue;
            }
            int bit = bitOfCutLiterals.size();
            bitOfCutLiterals.put(cutLiterals, bit);
            automatonBit[slot] = bit;
            for (String literal : cutLiterals) {
                int node = 0;
                for (int k = 0; k < literal.length(); k++) {
                    char c = literal.charAt(k);
                    if (classOf[c] == 0) {
                        classOf[c] = (byte) classes++;
                    }
                    int cls = classOf[c] & 0xFF;
                    Integer child = children.get(node).get(cls);
                    if (child == null) {
                        child = children.size();
                        children.add(new HashMap<>());
                        ends.add(new ArrayList<>());
                        children.get(node).put(cls, child);
                    }
                    node = child;
                }
                ends.get(node).add(bit);
            }
        }
        int states = children.size();
        int words = (bitOfCutLiterals.size() + 63) >>> 6;
        int[] next = new int[states * classes];
        int[] fail = new int[states];
        long[][] sets = new long[states][];
        for (int s = 0; s < states; s++) {
            if (!ends.get(s).isEmpty()) {
                sets[s] = new long[words];
                for (int bit : ends.get(s)) {
                    sets[s][bit >>> 6] |= 1L << bit;
                }
            }
        }
        // Breadth-first: complete the goto function and merge the outputs along failure links.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            Integer child = children.get(0).get(cls);
            next[cls] = child == null ? 0 : child;
            if (child != null) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            if (sets[f] != null) {
                if (sets[s] == null) {
                    sets[s] = sets[f].clone();
                } else {
                    for (int w = 0; w < words; w++) {
                        sets[s][w] |= sets[f][w];
                    }
                }
            }
            for (int cls = 0; cls < classes; cls++) {
                Integer child = children.get(s).get(cls);
                if (child == null) {
                    next[s * classes + cls] = next[f * classes + cls];
                } else {
                    next[s * classes + cls] = child;
                    fail[child] = next[f * classes + cls];
                    queue.add(child);
                }
            }
        }
        // Share identical output sets.
        Map<String, Integer> distinct = new HashMap<>();
        List<long[]> outputs = new ArrayList<>();
        int[] outputOf = new int[states];
        for (int s = 0; s < states; s++) {
            if (sets[s] == null) {
                outputOf[s] = -1;
                continue;
            }
            String key = Arrays.toString(sets[s]);
            Integer index = distinct.get(key);
            if (index == null) {
                index = outputs.size();
                outputs.add(sets[s]);
                distinct.put(key, index);
            }
            outputOf[s] = index;
        }
        int[] step = new int[next.length];
        for (int i = 0; i < next.length; i++) {
            step[i] = (next[i] * classes) << 1 | (outputOf[next[i]] >= 0 ? 1 : 0);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + ('a' - 'A')];
        }
        return new LiteralScreen(charMasks, leadMasks, automatonBit, words, classOf, classes, step, outputOf,
                outputs.toArray(new long[0][]));
    }

    private static void validate(String literal) {
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("empty literal");
        }
        for (int k = 0; k < literal.length(); k++) {
            char c = literal.charAt(k);
            if (!RequiredLiterals.representable(c) || (c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("literal not lower-case ASCII or caseless Latin-1: " + literal);
            }
        }
    }

    /** How many slots the screen has. */
    public int slots() {
        return charMasks.length;
    }

    /** The number of automaton states for the multi-character literals (for footprint reports). */
    public int states() {
        return outputOf.length;
    }

    /** Words of one scan result or union (see {@link #scan}). */
    private int width() {
        return CHAR_WORDS + 1 + automatonWords;
    }

    /**
     * What {@code value} contains, in a form {@link #passes} reads: a map of its characters (one cheap pass),
     * then room for the slots whose longer literals occur, filled in by the automaton the first time a slot
     * needs it. The result lives in {@code arena} at the returned offset.
     */
    public int scan(String value, ScreenArena arena) {
        int at = arena.allocate(width());
        long[] found = arena.words();
        int n = value.length();
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            int folded = c < 0x100 ? c : foldToLatin1(c);
            if (folded >= 'A' && folded <= 'Z') {
                folded += 'a' - 'A';
            }
            if (folded >= 0) {
                found[at + (folded >>> 6)] |= 1L << folded;
            }
        }
        return at;
    }

    /** Runs the automaton over {@code value} and records the slots whose longer literals occur. */
    private void runAutomaton(long[] found, int at, String value) {
        int base = 0; // current state * classes
        byte[] classOf = this.classOf;
        int[] step = this.step;
        int bits = at + CHAR_WORDS + 1;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            int folded = c < 0x100 ? c : foldToLatin1(c);
            if (folded < 0) {
                base = 0; // no literal contains this character
                continue;
            }
            int t = step[base + (classOf[folded] & 0xFF)];
            base = t >>> 1;
            if ((t & 1) != 0) {
                long[] set = outputs[outputOf[base / classes]];
                for (int w = 0; w < set.length; w++) {
                    found[bits + w] |= set[w];
                }
            }
        }
        found[at + CHAR_WORDS] = 1;
    }

    /**
     * Whether {@code value}, which {@link #scan} described at offset {@code at} of {@code arena}, contains one
     * of the literals of {@code slot}.
     */
    public boolean passes(ScreenArena arena, int at, int slot, String value) {
        long[] found = arena.words();
        long[] mask = charMasks[slot];
        if (mask != null && ((found[at] & mask[0]) | (found[at + 1] & mask[1]) | (found[at + 2] & mask[2])
                | (found[at + 3] & mask[3])) != 0) {
            return true;
        }
        long[] lead = leadMasks[slot];
        if (lead == null || ((found[at] & lead[0]) | (found[at + 1] & lead[1]) | (found[at + 2] & lead[2])
                | (found[at + 3] & lead[3])) == 0) {
            return false; // no longer literal can start anywhere in the value
        }
        if (found[at + CHAR_WORDS] == 0) {
            runAutomaton(found, at, value);
        }
        int bit = automatonBit[slot];
        return (found[at + CHAR_WORDS + 1 + (bit >>> 6)] & (1L << bit)) != 0;
    }

    /** {@link #unionPasses}: no value of the union can pass the slot. */
    public static final int FAILS = 0;
    /** {@link #unionPasses}: some value of the union may pass the slot. */
    public static final int MAY_PASS = 1;
    /** {@link #unionPasses}: the union's longer literals are needed; add them and ask again. */
    public static final int NEEDS_LITERALS = 2;

    /**
     * An empty union of scan results, in {@code arena} at the returned offset: what a group of values (a
     * collection after one transformation pipeline) contains between them, so that a slot none of them can
     * pass rules out the whole group at once. Fill it with {@link #addCharacters}, and with
     * {@link #addLiterals} + {@link #literalsAdded} when {@link #unionPasses} asks for them.
     */
    public int newUnion(ScreenArena arena) {
        return arena.allocate(width());
    }

    /** Adds the characters of a value, scanned at {@code found}, to the union at {@code union}. */
    public void addCharacters(ScreenArena arena, int union, int found) {
        long[] words = arena.words();
        for (int w = 0; w < CHAR_WORDS; w++) {
            words[union + w] |= words[found + w];
        }
    }

    /** Adds the longer literals of a value, scanned at {@code found}, to a union (running the automaton once). */
    public void addLiterals(ScreenArena arena, int union, int found, String value) {
        long[] words = arena.words();
        if (words[found + CHAR_WORDS] == 0) {
            runAutomaton(words, found, value);
        }
        for (int w = CHAR_WORDS + 1; w < width(); w++) {
            words[union + w] |= words[found + w];
        }
    }

    /** Marks a union whose every value's longer literals were added. */
    public void literalsAdded(ScreenArena arena, int union) {
        arena.words()[union + CHAR_WORDS] = 1;
    }

    /**
     * Whether some value of the union may pass {@code slot}: {@link #FAILS}, {@link #MAY_PASS}, or
     * {@link #NEEDS_LITERALS} when only the values' longer literals can tell.
     */
    public int unionPasses(ScreenArena arena, int union, int slot) {
        long[] words = arena.words();
        long[] mask = charMasks[slot];
        if (mask != null && ((words[union] & mask[0]) | (words[union + 1] & mask[1])
                | (words[union + 2] & mask[2]) | (words[union + 3] & mask[3])) != 0) {
            return MAY_PASS;
        }
        long[] lead = leadMasks[slot];
        if (lead == null || ((words[union] & lead[0]) | (words[union + 1] & lead[1])
                | (words[union + 2] & lead[2]) | (words[union + 3] & lead[3])) == 0) {
            return FAILS;
        }
        if (words[union + CHAR_WORDS] == 0) {
            return NEEDS_LITERALS;
        }
        int bit = automatonBit[slot];
        return (words[union + CHAR_WORDS + 1 + (bit >>> 6)] & (1L << bit)) != 0 ? MAY_PASS : FAILS;
    }

    /**
     * Characters that Unicode simple case folding relates to ASCII letters (Kelvin sign, long s, dotted and
     * dotless i): a case-insensitive regex engine may match them against k, s and i. Any other character
     * above Latin-1 is in no literal: -1.
     */
    private static int foldToLatin1(char c) {
        return switch (c) {
            case '\u212A' -> 'k';
            case '\u017F' -> 's';
            case '\u0130', '\u0131' -> 'i';
            default -> -1;
        };
    }
}
