package dev.parapet.benchmarks.e2e;

import dev.parapet.benchmarks.CrsDirectory;
import dev.parapet.benchmarks.RulesetFixture;
import dev.parapet.engine.Firewall;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parapet side of the end-to-end comparison: an embedded Jetty 12 server on loopback that answers every
 * request with the {@link TrivialBackend}, either behind Parapet ({@code --waf on}: the engine settings of
 * {@code waf-base.conf} plus CRS at the given paranoia level, exactly as nginx + ModSecurity get them) or
 * without any WAF ({@code --waf off}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.parapet.benchmarks.e2e.E2eServer --port 8091
 * --waf on [--crs DIR] [--paranoia 1] [--max-threads 32] [--virtual-threads off]}. It prints
 * {@code READY <port>} once it accepts connections and stops
 * on SIGTERM.
 */
public final class E2eServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(E2eServer.class);

    private final Server server;
    private final ServerConnector connector;

    private E2eServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts a server on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @param firewall the firewall in front of the backend, or {@code null} for none
     */
    public static E2eServer start(int port, Firewall firewall) throws Exception {
        return start(port, firewall, 32, false);
    }

    /**
     * Starts a server on {@code 127.0.0.1:port} with at most {@code maxThreads} pooled threads (at least 3:
     * Jetty's acceptor, selector and one request thread), running requests on virtual threads when
     * {@code virtualThreads} is set.
     */
    public static E2eServer start(int port, Firewall firewall, int maxThreads, boolean virtualThreads)
            throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads));
        threads.setName("e2e");
        if (virtualThreads) {
            threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        }
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        Handler handler = firewall == null ? new TrivialBackend() : new ParapetHandler(firewall);
        server.setHandler(handler);
        server.start();
        return new E2eServer(server, connector);
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static void main(String[] args) throws Exception {
        int port = 8091;
        boolean waf = true;
        Path crs = null;
        int paranoia = 1;
        int maxThreads = 32;
        boolean virtualThreads = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--waf" -> waf = parseOnOff(require(args[i], value));
                case "--crs" -> crs = Path.of(require(args[i], value));
                case "--paranoia" -> paranoia = Integer.parseInt(require(args[i], value));
                case "--max-threads" -> maxThreads = Integer.parseInt(require(args[i], value));
                case "--virtual-threads" -> virtualThreads = parseOnOff(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --port N --waf on|off --crs DIR --paranoia 1|2 --max-threads N --virtual-threads on|off)");
            }
            i++;
        }
        Firewall firewall = null;
        if (waf) {
            RulesetFixture ruleset = switch (paranoia) {
                case 1 -> RulesetFixture.CRS_PL1;
                case 2 -> RulesetFixture.CRS_PL2;
                default -> throw new IllegalArgumentException("--paranoia takes 1 or 2");
            };
            long start = System.nanoTime();
            firewall = ruleset.build(crs != null ? crs : CrsDirectory.locate());
            LOG.info("Parapet firewall with {} rules built in {} ms", firewall.ruleCount(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        E2eServer server = start(port, firewall, maxThreads, virtualThreads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("stopping the server failed", e);
            }
        }));
        System.out.println("READY " + server.port());
        System.out.flush();
        server.server.join();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static boolean parseOnOff(String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--waf takes on or off, got " + value);
        };
    }
}
