package dev.parapet.spring;

import dev.parapet.engine.Firewall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The firewall in force, swappable at run time. {@link #reload()} builds a new {@link Firewall} from the same
 * configuration and swaps it in atomically; requests already running finish on the firewall they started with. A
 * reload that fails keeps the current firewall.
 */
public final class ReloadableFirewall implements Supplier<Firewall> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadableFirewall.class);

    /**
     * One attempt to load rules.
     *
     * @param at when the load finished
     * @param took how long reading and compiling took
     * @param success whether the new rules are in force
     * @param rules the number of rules in force afterwards
     * @param error why the load failed, or {@code null}
     */
    public record Load(Instant at, Duration took, boolean success, int rules, String error) {
    }

    private final AtomicReference<Firewall> current;
    private final Supplier<Firewall> loader;
    private final List<Consumer<Load>> listeners = new CopyOnWriteArrayList<>();
    private volatile Load lastLoad;

    private ReloadableFirewall(Firewall initial, Supplier<Firewall> loader, Load load) {
        this.current = new AtomicReference<>(initial);
        this.loader = loader;
        this.lastLoad = load;
    }

    /**
     * Loads the first firewall from {@code loader}, which is called again on every {@link #reload()}.
     *
     * @throws RuntimeException whatever {@code loader} throws when the rules cannot be loaded
     */
    public static ReloadableFirewall load(Supplier<Firewall> loader) {
        Objects.requireNonNull(loader, "loader");
        long start = System.nanoTime();
        Firewall first = Objects.requireNonNull(loader.get(), "loader returned null");
        Load load = new Load(Instant.now(), Duration.ofNanos(System.nanoTime() - start), true, first.ruleCount(), null);
        return new ReloadableFirewall(first, loader, load);
    }

    /** A firewall that cannot be reloaded (one the application defined itself). */
    public static ReloadableFirewall fixed(Firewall firewall) {
        Objects.requireNonNull(firewall, "firewall");
        return new ReloadableFirewall(firewall, null, null);
    }

    /** The firewall in force. */
    @Override
    public Firewall get() {
        return current.get();
    }

    /** Whether {@link #reload()} can build new rules. */
    public boolean reloadable() {
        return loader != null;
    }

    /** The last load (startup or reload), or {@code null} for a {@link #fixed} firewall. */
    public Load lastLoad() {
        return lastLoad;
    }

    /** Calls {@code listener} after every later load, successful or not. */
    public void onLoad(Consumer<Load> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Builds new rules and swaps them in; on failure the current rules stay. Reloads do not overlap.
     *
     * @throws IllegalStateException for a {@link #fixed} firewall
     */
    public synchronized Load reload() {
        if (loader == null) {
            throw new IllegalStateException("the Firewall bean is defined by the application; it cannot be reloaded");
        }
        long start = System.nanoTime();
        Load load;
        try {
            Firewall next = Objects.requireNonNull(loader.get(), "loader returned null");
            current.set(next);
            load = new Load(Instant.now(), Duration.ofNanos(System.nanoTime() - start), true, next.ruleCount(), null);
            LOG.info("Parapet rules reloaded: {} rules in {} ms", next.ruleCount(), load.took().toMillis());
        } catch (RuntimeException e) {
            load = new Load(Instant.now(), Duration.ofNanos(System.nanoTime() - start), false,
                    current.get().ruleCount(), e.getMessage());
            LOG.warn("Parapet rules reload failed, keeping the {} rules in force: {}", current.get().ruleCount(),
                    e.getMessage());
        }
        lastLoad = load;
        for (Consumer<Load> l : listeners) {
            try {
                l.accept(load);
            } catch (RuntimeException e) {
                LOG.warn("Parapet load listener failed", e);
            }
        }
        return load;
    }
}
