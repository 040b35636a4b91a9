package dev.parapet.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where rate-limit buckets, offense counters, bans and persistent SecLang collections live: in this JVM
 * ({@link LocalStateStore}, the default) or shared by a fleet (the Redis store in
 * {@code parapet-store-redis}). Every operation is atomic with respect to other callers of the same store.
 *
 * <p>Implementations are thread-safe. A shared implementation throws {@link StoreUnavailableException}
 * when it cannot answer within its timeout; callers decide whether that fails open or closed.
 */
public interface StateStore extends AutoCloseable {

    /**
     * Takes {@code tokens} from the bucket under {@code key}, creating it full from {@code spec} if absent.
     */
    Consumption tryConsume(String key, BucketSpec spec, long tokens);

    /**
     * Adds {@code amount} to the counter under {@code key} and returns the new total. A counter starts at
     * the first increment and is forgotten {@code window} later (a fixed window anchored at the first event).
     */
    long increment(String key, long amount, Duration window);

    /** Forgets the counter under {@code key}. */
    void resetCounter(String key);

    /** Stores a ban; it disappears by itself at {@link Ban#until()}. */
    void putBan(Ban ban);

    /** The ban in force under {@code key}, if any. */
    Optional<Ban> ban(String key);

    /** Lifts a ban; whether one was in force. */
    boolean removeBan(String key);

    /** The bans in force, at most {@code limit} of them, soonest-ending first. */
    List<Ban> bans(int limit);

    /**
     * The live variables of a persistent collection ({@code initcol:ip=...}), names in lower case;
     * empty when the collection does not exist or has expired.
     */
    Map<String, String> loadCollection(String collection, String key);

    /**
     * Applies changes to a persistent collection in order, atomically, and keeps the collection for
     * {@code timeout} after this update ({@code SecCollectionTimeout}).
     */
    void updateCollection(String collection, String key, List<CollectionChange> changes, Duration timeout);

    /** Releases connections or caches. */
    @Override
    default void close() {
    }
}
