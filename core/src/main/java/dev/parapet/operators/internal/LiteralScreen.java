package dev.parapet.operators.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Aho–Corasick pass that tells, for many operators at once, which of them can possibly match a value.
 * Each operator (a <em>slot</em>) brings the literals of which every match contains one (see
 * {@link RequiredLiterals}); {@link #scan} reports the slots with at least one literal present, ASCII
 * case-insensitively. An operator whose slot is absent cannot match and need not run.
 *
 * <p>Built once per rule set and shared by all threads. The automaton is a complete DFA over the characters
 * the literals use (all other characters form one class), so a scan costs one table step per input char.
 */
public final class LiteralScreen {

    private final byte[] classOf; // Latin-1 char -> alphabet class (0: a char no literal uses)
    private final int classes;
    private final int[] next; // state * classes + class -> state
    private final int[] outputOf; // state -> index into outputs, or -1
    private final long[][] outputs;
    private final int slots;
    private final int shortest;

    private LiteralScreen(byte[] classOf, int classes, int[] next, int[] outputOf, long[][] outputs, int slots,
            int shortest) {
        this.classOf = classOf;
        this.classes = classes;
        this.next = next;
        this.outputOf = outputOf;
        this.outputs = outputs;
        this.slots = slots;
        this.shortest = shortest;
    }

    /**
     * Builds a screen; slot {@code s} is {@code literalsBySlot.get(s)}. Literals must be non-empty, lower-case
     * ASCII or caseless Latin-1 (as {@link RequiredLiterals} makes them).
     *
     * @throws IllegalArgumentException for an empty literal or one with other characters
     */
    public static LiteralScreen build(List<Set<String>> literalsBySlot) {
        byte[] classOf = new byte[256];
        int classes = 1;
        int shortest = Integer.MAX_VALUE;
        for (Set<String> literals : literalsBySlot) {
            for (String literal : literals) {
                if (literal.isEmpty()) {
                    throw new IllegalArgumentException("empty literal");
                }
                shortest = Math.min(shortest, literal.length());
                for (int k = 0; k < literal.length(); k++) {
                    char c = literal.charAt(k);
                    if (!RequiredLiterals.representable(c) || (c >= 'A' && c <= 'Z')) {
                        throw new IllegalArgumentException(
                                "literal not lower-case ASCII or caseless Latin-1: " + literal);
                    }
                    if (classOf[c] == 0) {
                        classOf[c] = (byte) classes++;
                    }
                }
            }
        }
        if (classes > 255) {
            throw new IllegalStateException("alphabet too large");
        }
        // Trie.
        List<Map<Integer, Integer>> children = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(new HashMap<>());
        ends.add(new ArrayList<>());
        for (int slot = 0; slot < literalsBySlot.size(); slot++) {
            for (String literal : literalsBySlot.get(slot)) {
                int node = 0;
                for (int k = 0; k < literal.length(); k++) {
                    int cls = classOf[literal.charAt(k)] & 0xFF;
                    Integer child = children.get(node).get(cls);
                    if (child == null) {
                        child = children.size();
                        children.add(new HashMap<>());
                        ends.add(new ArrayList<>());
                        children.get(node).put(cls, child);
                    }
                    node = child;
                }
                ends.get(node).add(slot);
            }
        }
        int states = children.size();
        int words = Math.max(1, (literalsBySlot.size() + 63) >>> 6);
        int[] next = new int[states * classes];
        int[] fail = new int[states];
        long[][] sets = new long[states][];
        for (int s = 0; s < states; s++) {
            if (!ends.get(s).isEmpty()) {
                sets[s] = new long[words];
                for (int slot : ends.get(s)) {
                    sets[s][slot >>> 6] |= 1L << slot;
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
        return new LiteralScreen(classOf, classes, next, outputOf, outputs.toArray(new long[0][]),
                literalsBySlot.size(), shortest == Integer.MAX_VALUE ? 1 : shortest);
    }

    /** How many slots the screen has. */
    public int slots() {
        return slots;
    }

    /** The number of automaton states (for footprint reports). */
    public int states() {
        return outputOf.length;
    }

    /**
     * The slots with at least one literal in {@code value}, as a bit set indexed by slot; {@code null} when
     * there are none (the common case for benign values).
     */
    public long[] scan(String value) {
        int n = value.length();
        if (n < shortest) {
            return null;
        }
        long[] found = null;
        int state = 0;
        byte[] classOf = this.classOf;
        int[] next = this.next;
        int[] outputOf = this.outputOf;
        int classes = this.classes;
        for (int k = 0; k < n; k++) {
            state = next[state * classes + classOf(classOf, value.charAt(k))];
            int out = outputOf[state];
            if (out >= 0) {
                long[] set = outputs[out];
                if (found == null) {
                    found = set.clone();
                } else {
                    for (int w = 0; w < set.length; w++) {
                        found[w] |= set[w];
                    }
                }
            }
        }
        return found;
    }

    /** Whether {@code slot} is in a set that {@link #scan} returned. */
    public static boolean contains(long[] found, int slot) {
        return found != null && (found[slot >>> 6] & (1L << slot)) != 0;
    }

    private static int classOf(byte[] classOf, char c) {
        if (c < 0x100) {
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            return classOf[folded] & 0xFF;
        }
        // Characters that Unicode simple case folding relates to ASCII letters (Kelvin sign, long s, dotted and
        // dotless i): a case-insensitive regex engine may match them against k, s and i.
        return switch (c) {
            case '\u212A' -> classOf['k'] & 0xFF;
            case '\u017F' -> classOf['s'] & 0xFF;
            case '\u0130', '\u0131' -> classOf['i'] & 0xFF;
            default -> 0;
        };
    }
}
