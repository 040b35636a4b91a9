package dev.parapet.demo;

import dev.parapet.audit.AuditLog;
import dev.parapet.audit.AuditSink;
import dev.parapet.audit.FileAuditSink;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.rulesets.Rulesets;
import dev.parapet.seclang.SecLangException;
import dev.parapet.servlet.ParapetFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parapet demo: an embedded Jetty 12 application ({@code /}, {@code /get}, {@code /post}, {@code /upload},
 * {@code /reflect}) behind {@link ParapetFilter}. Run {@code ./demo.sh --help} for the options.
 */
public final class DemoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Firewall firewall;
    private final AuditSink sink;

    private DemoServer(Server server, ServerConnector connector, Firewall firewall, AuditSink sink) {
        this.server = server;
        this.connector = connector;
        this.firewall = firewall;
        this.sink = sink;
    }

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        DemoServer demo;
        try {
            demo = start(options);
        } catch (SecLangException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "parapet-demo-shutdown"));
        String base = "http://" + options.host() + ":" + demo.port();
        System.out.printf("""
                Parapet demo on %s: %d rules, engine %s, audit log %s
                  try:  curl -i '%s/get?q=hello'                       (passes)
                        curl -i '%s/get?id=1%%27%%20OR%%20%%271%%27=%%271'      (blocked: SQL injection)
                """, base, demo.firewall().ruleCount(), demo.firewall().settings().ruleEngine(),
                options.auditLog() == null ? "on the console" : options.auditLog(), base, base);
        demo.join();
    }

    /** Builds the firewall from the options and starts the server. */
    public static DemoServer start(DemoOptions options) {
        return start(options, firewall(options));
    }

    /** Starts the server around an already built firewall. */
    public static DemoServer start(DemoOptions options, Firewall firewall) {
        AuditSink sink = options.auditLog() == null && options.errorLog() == null ? null
                : FileAuditSink.open(options.auditLog(),
                        options.errorLog() != null ? options.errorLog() : options.auditLog());
        AuditLog audit = sink == null ? AuditLog.slf4j() : AuditLog.builder().sink(sink).build();
        ParapetFilter filter = ParapetFilter.builder(firewall).auditLog(audit).build();

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // A WAF demo wants odd and malformed requests to reach the firewall instead of being refused by Jetty.
        http.setHttpCompliance(HttpCompliance.LEGACY);
        http.setUriCompliance(UriCompliance.UNSAFE);
        http.setRequestHeaderSize(64 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeoutMillis());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.getServletHandler().setDecodeAmbiguousURIs(true);
        FilterHolder filterHolder = new FilterHolder(filter);
        filterHolder.setAsyncSupported(true);
        context.addFilter(filterHolder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        Map<String, HttpServlet> servlets = Map.of(
                "/", new DemoServlets.Index(),
                "/get", new DemoServlets.Get(),
                "/post", new DemoServlets.Post(),
                "/upload", new DemoServlets.Upload(),
                "/reflect", new DemoServlets.Reflect(),
                "/reflect/", new DemoServlets.Reflect());
        servlets.forEach((path, servlet) -> {
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            holder.getRegistration().setMultipartConfig(new MultipartConfigElement(null, DemoServlets.MAX_BODY,
                    DemoServlets.MAX_BODY, 1024 * 1024));
            context.addServlet(holder, path);
        });
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            if (sink != null) {
                sink.close();
            }
            throw new IllegalStateException("the demo server did not start: " + e.getMessage(), e);
        }
        LOG.info("Parapet demo listening on {}:{}", options.host(), connector.getLocalPort());
        return new DemoServer(server, connector, firewall, sink);
    }

    /**
     * The firewall the options describe: Parapet's bundled rules ({@link Rulesets}), or CRS after the engine
     * settings of ModSecurity's recommended configuration, or the given rule files; with the extra SecLang files
     * before and after the rules.
     */
    public static Firewall firewall(DemoOptions options) {
        Firewall.Builder b = Firewall.builder();
        if (!options.rules().isEmpty()) {
            for (Path p : options.seclang()) {
                b.file(requireFile(p));
            }
            for (Path p : options.rules()) {
                b.file(requireFile(p));
            }
        } else if (options.crs() != null) {
            Path crs = options.crs();
            if (!Files.isDirectory(crs.resolve("rules"))) {
                throw new IllegalArgumentException("not a CRS directory (no rules/ inside): " + crs);
            }
            b.directives("engine.conf", resource("engine.conf"));
            Path setup = crs.resolve("crs-setup.conf");
            b.file(Files.exists(setup) ? setup : requireFile(crs.resolve("crs-setup.conf.example")));
            for (Path p : options.seclang()) {
                b.file(requireFile(p));
            }
            for (Path p : confFiles(crs.resolve("rules"))) {
                b.file(p);
            }
        } else {
            // Parapet's bundled rules: the engine profile, the extra files, then the core rules.
            b.classpath(Rulesets.SETUP);
            for (Path p : options.seclang()) {
                b.file(requireFile(p));
            }
            b.classpath(Rulesets.RULES);
        }
        for (Path p : options.seclangAfter()) {
            b.file(requireFile(p));
        }
        if (options.detectionOnly()) {
            b.mode(RuleEngineMode.DETECTION_ONLY);
        }
        return b.build();
    }

    private static Path requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such file: " + p);
        }
        return p;
    }

    private static List<Path> confFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = DemoServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The firewall in front of the application. */
    public Firewall firewall() {
        return firewall;
    }

    /** Blocks until the server stops. */
    public void join() {
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the demo server failed", e);
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }
}
