package dev.parapet.operators.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable Aho–Corasick automaton over bytes (chars 0x00–0xFF) for {@code @pm} and
 * {@code @pmFromFile}. Search time is linear in the input; memory is linear in the total phrase length:
 * sparse sorted edges per node, plus complete transition rows (over the characters the phrases use) for the
 * nodes up to {@link #DENSE_DEPTH} deep, where benign text spends nearly all its steps, so a step there is
 * one table load instead of a search of edges and failure links.
 *
 * <p>Case-insensitive automata fold ASCII letters only, like ModSecurity's {@code acmp} ({@code tolower}
 * in the C locale). Input chars above 0xFF cannot occur in byte strings; they simply match nothing.
 */
public final class AhoCorasick {

    /** A phrase occurrence: the index of the phrase as given to {@link #build} and its span in the input. */
    public record Match(int phraseIndex, int start, int end) {
    }

    /** Nodes up to this depth (the root is 0) get a complete transition row. */
    static final int DENSE_DEPTH = 2;

    private final String[] phrases;
    private final boolean caseInsensitive;
    private final int[] classOf; // char 0x00-0xFF -> its column in a dense row; 0 for chars in no phrase
    private final int classes;
    private final int[] denseRow; // node -> offset of its row in dense, or -1 for deeper nodes
    private final int[] dense; // complete transitions of the shallow nodes
    private final int[] hit; // node -> the node whose phrase a match ending here reports, or -1
    private final int[] edgeStart; // node -> first edge; edgeStart[node + 1] ends it
    private final char[] edgeLabel; // sorted per node
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] output; // longest phrase ending at this node, or -1
    private final int[] outputLink; // nearest node on the fail chain with an output, or -1
    private final int[] depth;

    private AhoCorasick(String[] phrases, boolean caseInsensitive, int[] rootNext, int[] edgeStart,
            char[] edgeLabel, int[] edgeTarget, int[] fail, int[] output, int[] outputLink, int[] depth) {
        this.phrases = phrases;
        this.caseInsensitive = caseInsensitive;
        this.edgeStart = edgeStart;
        this.edgeLabel = edgeLabel;
        this.edgeTarget = edgeTarget;
        this.fail = fail;
        this.output = output;
        this.outputLink = outputLink;
        this.depth = depth;
        int nodes = fail.length;
        this.hit = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            hit[node] = output[node] >= 0 ? node : outputLink[node];
        }
        this.classOf = new int[256];
        int columns = 1;
        for (char c : edgeLabel) {
            if (classOf[c] == 0) {
                classOf[c] = columns++;
            }
        }
        if (caseInsensitive) {
            for (char c = 'A'; c <= 'Z'; c++) {
                classOf[c] = classOf[c + ('a' - 'A')];
            }
        }
        this.classes = columns;
        char[] labelOfClass = new char[columns];
        for (int c = 255; c >= 0; c--) {
            if (classOf[c] != 0) {
                labelOfClass[classOf[c]] = fold((char) c, caseInsensitive);
            }
        }
        this.denseRow = new int[nodes];
        Arrays.fill(denseRow, -1);
        int rows = 0;
        for (int node = 0; node < nodes; node++) {
            if (depth[node] <= DENSE_DEPTH) {
                denseRow[node] = rows++ * columns;
            }
        }
        this.dense = new int[rows * columns];
        // Shallower nodes first, so a node's failure target (always shallower) already has its row.
        Integer[] byDepth = new Integer[rows];
        for (int node = 0, r = 0; node < nodes; node++) {
            if (denseRow[node] >= 0) {
                byDepth[r++] = node;
            }
        }
        Arrays.sort(byDepth, (a, b) -> Integer.compare(depth[a], depth[b]));
        for (int node : byDepth) {
            int row = denseRow[node];
            for (int cls = 1; cls < columns; cls++) {
                int child = node == 0 ? rootNext[labelOfClass[cls]]
                        : child(edgeStart, edgeLabel, edgeTarget, node, labelOfClass[cls]);
                dense[row + cls] = child > 0 ? child : node == 0 ? 0 : dense[denseRow[fail[node]] + cls];
            }
        }
    }

    /**
     * Builds the automaton. Empty phrases are ignored (they would match everything); duplicates are kept
     * but only the first one is ever reported.
     */
    public static AhoCorasick build(Collection<String> phrases, boolean caseInsensitive) {
        String[] list = phrases.toArray(new String[0]);
        // Trie construction with growable per-node child lists.
        List<char[]> labels = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        addNode(labels, targets, counts, outputs, depths, 0);
        for (int p = 0; p < list.length; p++) {
            String phrase = list[p];
            if (phrase.isEmpty()) {
                continue;
            }
            int node = 0;
            for (int k = 0; k < phrase.length(); k++) {
                char c = fold(phrase.charAt(k), caseInsensitive);
                int child = findChild(labels.get(node), targets.get(node), counts.get(node), c);
                if (child < 0) {
                    child = addNode(labels, targets, counts, outputs, depths, depths.get(node) + 1);
                    appendChild(labels, targets, counts, node, c, child);
                }
                node = child;
            }
            if (outputs.get(node) < 0) {
                outputs.set(node, p);
            }
        }
        int size = labels.size();
        int[] edgeStart = new int[size + 1];
        for (int node = 0; node < size; node++) {
            edgeStart[node + 1] = edgeStart[node] + counts.get(node);
        }
        char[] edgeLabel = new char[edgeStart[size]];
        int[] edgeTarget = new int[edgeStart[size]];
        for (int node = 0; node < size; node++) {
            int count = counts.get(node);
            char[] l = labels.get(node);
            int[] t = targets.get(node);
            Integer[] order = new Integer[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Character.compare(l[a], l[b]));
            for (int k = 0; k < count; k++) {
                edgeLabel[edgeStart[node] + k] = l[order[k]];
                edgeTarget[edgeStart[node] + k] = t[order[k]];
            }
        }
        int[] output = new int[size];
        int[] depth = new int[size];
        for (int node = 0; node < size; node++) {
            output[node] = outputs.get(node);
            depth[node] = depths.get(node);
        }
        int[] rootNext = new int[256];
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            rootNext[edgeLabel[e]] = edgeTarget[e];
        }
        // Breadth-first failure links.
        int[] fail = new int[size];
        int[] outputLink = new int[size];
        Arrays.fill(outputLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = edgeStart[0]; e < edgeStart[1]; e++) {
            queue.add(edgeTarget[e]);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
                char c = edgeLabel[e];
                int child = edgeTarget[e];
                int f = fail[node];
                int next;
                while (true) {
                    next = f == 0 ? rootNext[c] : child(edgeStart, edgeLabel, edgeTarget, f, c);
                    if (next >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = Math.max(next, 0);
                int fc = fail[child];
                outputLink[child] = output[fc] >= 0 ? fc : outputLink[fc];
                queue.add(child);
            }
        }
        return new AhoCorasick(list, caseInsensitive, rootNext, edgeStart, edgeLabel, edgeTarget, fail,
                output, outputLink, depth);
    }

    /**
     * Finds the occurrence that ends first in {@code text}; among phrases ending at the same position, the
     * longest. Returns {@code null} when no phrase occurs.
     */
    public Match find(String text) {
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char raw = text.charAt(i);
            if (raw > 0xFF) {
                state = 0;
                continue;
            }
            int cls = classOf[raw];
            int row = denseRow[state];
            state = row >= 0 ? dense[row + cls] : cls == 0 ? 0 : deepStep(state, fold(raw, caseInsensitive), cls);
            int found = hit[state];
            if (found >= 0) {
                return new Match(output[found], i + 1 - depth[found], i + 1);
            }
        }
        return null;
    }

    /** The transition from a node below the dense rows: its edges, else its failure chain's. */
    private int deepStep(int state, char c, int cls) {
        while (true) {
            int next = child(edgeStart, edgeLabel, edgeTarget, state, c);
            if (next > 0) {
                return next;
            }
            state = fail[state];
            int row = denseRow[state];
            if (row >= 0) {
                return dense[row + cls];
            }
        }
    }

    /** The phrase at {@code index}, as given to {@link #build}. */
    public String phrase(int index) {
        return phrases[index];
    }

    /** Number of trie nodes (for tests and diagnostics). */
    public int nodeCount() {
        return fail.length;
    }

    private static int child(int[] edgeStart, char[] edgeLabel, int[] edgeTarget, int node, char c) {
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeLabel[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }

    private static char fold(char c, boolean caseInsensitive) {
        return caseInsensitive && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int addNode(List<char[]> labels, List<int[]> targets, List<Integer> counts,
            List<Integer> outputs, List<Integer> depths, int depth) {
        labels.add(new char[2]);
        targets.add(new int[2]);
        counts.add(0);
        outputs.add(-1);
        depths.add(depth);
        return labels.size() - 1;
    }

    private static int findChild(char[] labels, int[] targets, int count, char c) {
        for (int k = 0; k < count; k++) {
            if (labels[k] == c) {
                return targets[k];
            }
        }
        return -1;
    }

    private static void appendChild(List<char[]> labels, List<int[]> targets, List<Integer> counts, int node,
            char c, int child) {
        int count = counts.get(node);
        char[] l = labels.get(node);
        int[] t = targets.get(node);
        if (count == l.length) {
            l = Arrays.copyOf(l, count * 2);
            t = Arrays.copyOf(t, count * 2);
            labels.set(node, l);
            targets.set(node, t);
        }
        l[count] = c;
        t[count] = child;
        counts.set(node, count + 1);
    }
}
