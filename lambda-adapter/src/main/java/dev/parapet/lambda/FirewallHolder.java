package dev.parapet.lambda;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Firewall} once per Lambda execution environment and hands the same instance to every
 * invocation. Keep it in a {@code static final} field of the handler class:
 *
 * <pre>{@code
 * // Compiled during the first invocation:
 * static final FirewallHolder RULES = FirewallHolder.lazy(() -> Firewall.builder().file(CONF).build());
 *
 * // Compiled while the handler class initialises, in Lambda's init phase, so a SnapStart
 * // snapshot already holds the compiled rules and restored environments skip the work:
 * static final FirewallHolder RULES = FirewallHolder.eager(() -> Firewall.builder().file(CONF).build());
 * }</pre>
 *
 * <p>Thread-safe: the factory runs at most once, also when invocations race. If it throws, the failure is
 * kept and every later {@link #get()} rethrows it, since rules that did not compile will not compile on a
 * second try; a guard answers such invocations with 503 and logs the cause.
 */
public final class FirewallHolder implements Supplier<Firewall> {

    private static final Logger LOG = LoggerFactory.getLogger(FirewallHolder.class);

    private final Supplier<Firewall> factory;
    private volatile Firewall firewall;
    private volatile RuntimeException failure;

    private FirewallHolder(Supplier<Firewall> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** A holder that builds on the first {@link #get()}: the init phase stays short, the first request pays. */
    public static FirewallHolder lazy(Supplier<Firewall> factory) {
        return new FirewallHolder(factory);
    }

    /**
     * A holder that builds now and then runs one benign request through the firewall, so the classes of
     * the request path are loaded too. Called from a static initializer, this happens in Lambda's init
     * phase and, with SnapStart, before the snapshot is taken.
     *
     * @throws RuntimeException the factory's exception, e.g. a {@code SecLangException}: the execution
     *     environment fails to initialise, which surfaces a broken rule set at deployment
     */
    public static FirewallHolder eager(Supplier<Firewall> factory) {
        FirewallHolder holder = new FirewallHolder(factory);
        prime(holder.get());
        return holder;
    }

    /** The firewall, built on the first call. */
    @Override
    public Firewall get() {
        Firewall f = firewall;
        if (f != null) {
            return f;
        }
        synchronized (this) {
            if (firewall == null && failure == null) {
                try {
                    firewall = Objects.requireNonNull(factory.get(), "the firewall factory returned null");
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new IllegalStateException("Parapet firewall could not be built: " + failure.getMessage(),
                        failure);
            }
            return firewall;
        }
    }

    /** Whether the firewall has been built. */
    public boolean isBuilt() {
        return firewall != null;
    }

    /**
     * Exercises every phase once so that the classes and rule structures on the request path are loaded.
     * Best effort: the verdict does not matter, and a failure here only costs the first request the time.
     */
    private static void prime(Firewall firewall) {
        try (Transaction tx = firewall.newTransaction("parapet-prime")) {
            tx.processConnection("127.0.0.1", 0, "", 443);
            tx.processUri("POST", "/prime?id=1&name=parapet", "HTTP/1.1");
            tx.addRequestHeader("Host", "localhost");
            tx.addRequestHeader("User-Agent", "parapet-prime");
            tx.addRequestHeader("Accept", "application/json");
            tx.addRequestHeader("Content-Type", "application/json");
            byte[] body = "{\"id\":1,\"name\":\"parapet\"}".getBytes(StandardCharsets.US_ASCII);
            tx.addRequestHeader("Content-Length", Integer.toString(body.length));
            tx.processRequestHeaders();
            tx.appendRequestBody(body, 0, body.length);
            tx.processRequestBody();
            tx.addResponseHeader("Content-Type", "text/plain");
            tx.processResponseHeaders(200, "HTTP/1.1");
            byte[] out = "ok".getBytes(StandardCharsets.US_ASCII);
            tx.appendResponseBody(out, 0, out.length);
            tx.processResponseBody();
            tx.processLogging();
        } catch (RuntimeException e) {
            LOG.warn("Parapet: priming the firewall failed; the first request will load what it needs", e);
        }
    }
}
