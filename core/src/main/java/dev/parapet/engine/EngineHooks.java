package dev.parapet.engine;

import dev.parapet.store.StateStore;
import java.time.Duration;

/**
 * What a firewall plugs into each transaction besides its rules; kept apart from {@link Firewall} and
 * {@link Transaction} so the request path stays readable.
 *
 * @param protection checks before the rules, or {@code null}
 * @param collectionStore where {@code initcol} collections persist, or {@code null} for per-transaction ones
 * @param collectionTimeout how long an untouched persistent collection is kept ({@code SecCollectionTimeout})
 */
record EngineHooks(Protection protection, StateStore collectionStore, Duration collectionTimeout) {

    static final EngineHooks NONE = new EngineHooks(null, null, Duration.ofHours(1));
}
