package dev.parapet.engine.internal;

import dev.parapet.store.CollectionChange;
import dev.parapet.store.Numbers;
import dev.parapet.store.StateStore;
import dev.parapet.store.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction's persistent collections ({@code initcol:ip=...}): loaded from a {@link StateStore} when
 * opened, changed in the transaction, and written back as changes after phase 5. A numeric variable is
 * written as the difference to the value loaded ({@code +3}), as ModSecurity does, so counters of
 * parallel requests add up instead of overwriting each other.
 *
 * <p>A store failure never fails the request: a collection that cannot be loaded starts empty, and
 * changes that cannot be written are dropped; the store logs and counts its failures.
 */
public final class StoredCollections {

    private static final Logger LOG = LoggerFactory.getLogger(StoredCollections.class);

    /** Variables ModSecurity maintains itself in every collection; never written back. */
    private static final List<String> BUILT_IN = List.of("key", "timeout", "is_new");

    private final StateStore store;
    private final Duration timeout;
    private final Map<String, Opened> open = new HashMap<>();
    private final List<Opened> superseded = new ArrayList<>();

    /** Pending state of one variable: its final value ({@code null} when removed) and expiry. */
    private static final class Pending {
        String value;
        boolean written;
        Long expireSeconds;
    }

    private record Opened(String collection, String key, Map<String, String> original,
            LinkedHashMap<String, Pending> pending) {
    }

    public StoredCollections(StateStore store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /**
     * Opens a collection under a key and returns its variables (lower-case names) with the built-in
     * {@code KEY}, {@code TIMEOUT} and {@code IS_NEW}.
     */
    public Map<String, String> open(String collection, String key) {
        Opened previous = open.remove(collection);
        if (previous != null && !previous.pending().isEmpty()) {
            superseded.add(previous);
        }
        Map<String, String> loaded;
        try {
            loaded = store.loadCollection(collection, key);
        } catch (StoreUnavailableException e) {
            LOG.debug("collection {}:{} unavailable; starting empty", collection, key, e);
            loaded = Map.of();
        }
        open.put(collection, new Opened(collection, key, loaded, new LinkedHashMap<>()));
        Map<String, String> view = new LinkedHashMap<>(loaded);
        view.put("key", key);
        view.put("timeout", Long.toString(timeout.toSeconds()));
        view.put("is_new", loaded.isEmpty() ? "1" : "0");
        return view;
    }

    /** Whether {@code initcol} opened the collection in this transaction. */
    public boolean isOpen(String collection) {
        return open.containsKey(collection);
    }

    /** Records {@code setvar} on an open collection. */
    public void set(String collection, String name, String value) {
        Pending p = pending(collection, name);
        if (p != null) {
            p.value = value;
            p.written = true;
        }
    }

    /** Records {@code setvar:!} on an open collection. */
    public void remove(String collection, String name) {
        Pending p = pending(collection, name);
        if (p != null) {
            p.value = null;
            p.written = true;
            p.expireSeconds = null;
        }
    }

    /** Records {@code expirevar} on an open collection. */
    public void expire(String collection, String name, long seconds) {
        Pending p = pending(collection, name);
        if (p != null) {
            p.expireSeconds = seconds;
        }
    }

    private Pending pending(String collection, String name) {
        Opened o = open.get(collection);
        if (o == null || BUILT_IN.contains(name)) {
            return null;
        }
        return o.pending().computeIfAbsent(name, n -> new Pending());
    }

    /** Writes every change back; called once after phase 5. */
    public void flush() {
        List<Opened> all = new ArrayList<>(superseded);
        all.addAll(open.values());
        superseded.clear();
        open.clear();
        for (Opened o : all) {
            List<CollectionChange> changes = changes(o);
            if (changes.isEmpty()) {
                continue;
            }
            try {
                store.updateCollection(o.collection(), o.key(), changes, timeout);
            } catch (StoreUnavailableException e) {
                LOG.debug("collection {}:{} changes dropped: store unavailable", o.collection(), o.key(), e);
            } catch (RuntimeException e) {
                LOG.warn("collection {}:{} changes dropped", o.collection(), o.key(), e);
            }
        }
    }

    static List<CollectionChange> changes(Opened o) {
        List<CollectionChange> out = new ArrayList<>();
        o.pending().forEach((name, p) -> {
            if (p.written) {
                String before = o.original().get(name);
                if (p.value == null) {
                    out.add(new CollectionChange.Remove(name));
                } else if (Numbers.isInteger(p.value) && (before == null || Numbers.isInteger(before))) {
                    long delta = Numbers.parseLong(p.value) - Numbers.parseLong(before);
                    if (delta != 0 || before == null) {
                        out.add(new CollectionChange.Add(name, delta));
                    }
                } else if (!p.value.equals(before)) {
                    out.add(new CollectionChange.Set(name, p.value));
                }
            }
            if (p.expireSeconds != null && !(p.written && p.value == null)) {
                out.add(new CollectionChange.Expire(name, p.expireSeconds));
            }
        });
        return out;
    }
}
