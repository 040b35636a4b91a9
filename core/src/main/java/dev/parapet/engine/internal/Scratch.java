package dev.parapet.engine.internal;

import dev.parapet.operators.internal.ScreenArena;
import dev.parapet.operators.libinjection.SqliDetector;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * The working memory of one transaction that outlives it: regex matchers (costly to create, cheap to reuse),
 * the {@code @detectSQLi} parser, the arena of literal-screen results, the table of transformation links
 * between {@link ValueNode}s and the table of target removals per rule. A {@link ScratchPool} lends one to each
 * transaction and takes it back, cleared, when the transaction closes, so a steady stream of requests inspects
 * values without allocating this memory again, and an idle scratch holds no request data.
 *
 * <p>Not thread-safe: a borrowed scratch belongs to one transaction until it is given back.
 */
public final class Scratch {

    /** A link table this large is dropped rather than kept for the next transaction. */
    private static final int MAX_RETAINED_LINKS = 1 << 16;

    private final IdentityHashMap<Pattern, PooledMatcher> matchers = new IdentityHashMap<>();
    // The matchers given out since the last clear: only they hold an input to forget (a scratch keeps one
    // matcher for every pattern any of its transactions searched, several times what one request uses).
    private PooledMatcher[] used = new PooledMatcher[64];
    private int usedCount;
    private final ScreenArena screens = new ScreenArena();
    private final SqliDetector.Workspace sqli = new SqliDetector.Workspace();
    private ValueNode[] links = new ValueNode[1024];
    private List<Target>[] removalsByRule;
    private boolean removalsUsed;
    private int linksTop;

    /** A matcher of {@code pattern} over {@code input}, reused across this scratch's transactions. */
    public Matcher matcher(Pattern pattern, String input) {
        PooledMatcher pooled = matchers.get(pattern);
        if (pooled == null) {
            pooled = new PooledMatcher(pattern.matcher(""));
            matchers.put(pattern, pooled);
        }
        if (!pooled.used) {
            markUsed(pooled);
        }
        return pooled.matcher.reset(input);
    }

    private void markUsed(PooledMatcher pooled) {
        pooled.used = true;
        if (usedCount == used.length) {
            used = Arrays.copyOf(used, usedCount * 2);
        }
        used[usedCount++] = pooled;
    }

    /** A kept matcher, and whether the current transaction was given it. */
    private static final class PooledMatcher {
        final Matcher matcher;
        boolean used;

        PooledMatcher(Matcher matcher) {
            this.matcher = matcher;
        }
    }

    /** The {@code @detectSQLi} parser state of this scratch's transactions. */
    public SqliDetector.Workspace sqliWorkspace() {
        return sqli;
    }

    /**
     * An empty table of at least {@code rules} entries for a transaction's target removals per rule index (see
     * {@code ctl:ruleRemoveTarget*}); emptied again when the scratch is cleared.
     */
    public List<Target>[] removalsByRule(int rules) {
        if (removalsByRule == null || removalsByRule.length < rules) {
            @SuppressWarnings("unchecked")
            List<Target>[] fresh = new List[rules];
            removalsByRule = fresh;
        }
        removalsUsed = true;
        return removalsByRule;
    }

    /** Where literal-screen results are kept. */
    public ScreenArena screens() {
        return screens;
    }

    /** The link table (valid until the next {@link #allocateLinks}). */
    ValueNode[] links() {
        return links;
    }

    /** Carves out room for {@code n} nodes (a collection's values after one pipeline) and returns its offset. */
    public int allocateNodes(int n) {
        return allocateLinks(n);
    }

    /** The node kept at {@code at} (see {@link #allocateNodes}). */
    public ValueNode node(int at) {
        return links[at];
    }

    /** Keeps {@code node} at {@code at}. */
    public void node(int at, ValueNode node) {
        links[at] = node;
    }

    /** Carves out {@code n} empty links and returns their offset. */
    int allocateLinks(int n) {
        if (linksTop + n > links.length) {
            links = Arrays.copyOf(links, Math.max(links.length * 2, linksTop + n));
        }
        int at = linksTop;
        linksTop += n;
        return at;
    }

    /**
     * Forgets the transaction: matchers are reset to the empty string and results dropped, so an idle scratch
     * holds no request data.
     */
    void clear() {
        for (int i = 0; i < usedCount; i++) {
            used[i].matcher.reset("");
            used[i].used = false;
            used[i] = null;
        }
        usedCount = 0;
        screens.clear();
        sqli.clear();
        if (removalsUsed) {
            Arrays.fill(removalsByRule, null);
            removalsUsed = false;
        }
        Arrays.fill(links, 0, linksTop, null);
        linksTop = 0;
    }

    /** Whether this scratch is small enough to keep (a huge request may have grown it). */
    boolean retainable() {
        return screens.retainable() && links.length <= MAX_RETAINED_LINKS;
    }

    /** How many matchers it holds (for tests). */
    int matcherCount() {
        return matchers.size();
    }
}
