package dev.parapet.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A store that throws {@link StoreUnavailableException} while {@link #down} is set. */
public final class FlakyStore implements StateStore {

    public final AtomicBoolean down = new AtomicBoolean();
    private final StateStore delegate;

    public FlakyStore(StateStore delegate) {
        this.delegate = delegate;
    }

    private void check() {
        if (down.get()) {
            throw new StoreUnavailableException("down for the test");
        }
    }

    @Override
    public Consumption tryConsume(String key, BucketSpec spec, long tokens) {
        check();
        return delegate.tryConsume(key, spec, tokens);
    }

    @Override
    public long increment(String key, long amount, Duration window) {
        check();
        return delegate.increment(key, amount, window);
    }

    @Override
    public void resetCounter(String key) {
        check();
        delegate.resetCounter(key);
    }

    @Override
    public void putBan(Ban ban) {
        check();
        delegate.putBan(ban);
    }

    @Override
    public Optional<Ban> ban(String key) {
        check();
        return delegate.ban(key);
    }

    @Override
    public boolean removeBan(String key) {
        check();
        return delegate.removeBan(key);
    }

    @Override
    public List<Ban> bans(int limit) {
        check();
        return delegate.bans(limit);
    }

    @Override
    public Map<String, String> loadCollection(String collection, String key) {
        check();
        return delegate.loadCollection(collection, key);
    }

    @Override
    public void updateCollection(String collection, String key, List<CollectionChange> changes, Duration timeout) {
        check();
        delegate.updateCollection(collection, key, changes, timeout);
    }
}
