package dev.parapet.operators;

import dev.parapet.seclang.MacroString;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test {@link OperatorContext}: macros resolve from a map keyed {@code collection.key} (lower case). A
 * {@link #pooled} context reuses one matcher per pattern across evaluations, as a transaction does.
 */
final class FakeContext implements OperatorContext {

    private final boolean capturing;
    private final Map<String, String> variables = new HashMap<>();
    final Map<Integer, String> captures = new TreeMap<>();
    private Map<org.safere.Pattern, org.safere.Matcher> matchers; // null: a fresh matcher per search

    FakeContext(boolean capturing) {
        this.capturing = capturing;
    }

    static FakeContext plain() {
        return new FakeContext(false);
    }

    static FakeContext withCapture() {
        return new FakeContext(true);
    }

    /** A context that keeps one matcher per pattern, reset for each input. */
    static FakeContext pooled(boolean capturing) {
        FakeContext context = new FakeContext(capturing);
        context.matchers = new HashMap<>();
        return context;
    }

    @Override
    public org.safere.Matcher matcher(org.safere.Pattern pattern, String input) {
        if (matchers == null) {
            return pattern.matcher(input);
        }
        org.safere.Matcher m = matchers.get(pattern);
        if (m == null) {
            m = pattern.matcher(input);
            matchers.put(pattern, m);
            return m;
        }
        return m.reset(input);
    }

    FakeContext with(String name, String value) {
        variables.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    @Override
    public boolean capturing() {
        return capturing;
    }

    @Override
    public void capture(int index, String value) {
        if (value == null) {
            captures.remove(index);
        } else {
            captures.put(index, value);
        }
    }

    @Override
    public String expand(MacroString argument) {
        return argument.expand((collection, key) -> variables.get(
                (collection + (key == null ? "" : "." + key)).toLowerCase(Locale.ROOT)));
    }
}
