package dev.parapet.servlet;

import dev.parapet.audit.AuditLog;
import dev.parapet.audit.FileAuditSink;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.servlet.internal.Exchange;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet filter that runs a Parapet {@link Firewall} around every request: phases 1 and 2 before the
 * application, phases 3 and 4 around its response, phase 5 and the audit log before the response completes.
 *
 * <ul>
 *   <li>The request body is read up to the engine's limit ({@code SecRequestBodyLimit}, or {@code
 *       SecRequestBodyNoFilesLimit} for bodies that are not multipart), inspected, and replayed unchanged: input
 *       stream, reader, parameters and multipart parts all work. A longer body is refused with 413 under {@code
 *       SecRequestBodyLimitAction Reject}, and otherwise inspected up to the limit and passed on whole.</li>
 *   <li>Response bodies of the types in {@code SecResponseBodyMimeType} are held (up to {@code
 *       SecResponseBodyLimit}) until phase 4 has seen them; others stream through.</li>
 *   <li>A blocked exchange gets the rule's status and a small HTML or JSON page (by {@code Accept}) naming the
 *       transaction id; a response blocked after it was committed is aborted instead.</li>
 * </ul>
 *
 * <p>Programmatic use: {@code ParapetFilter.builder(firewall).build()}, registered for the {@code REQUEST} and
 * {@code ASYNC} dispatcher types with async support. From {@code web.xml}, the no-argument constructor reads the
 * init parameters {@code rules} (comma-separated rule files or directories of {@code *.conf}), {@code mode}
 * ({@code On}, {@code DetectionOnly}, {@code Off}), {@code audit-log} and {@code error-log} (file paths; by default
 * the audit log goes to SLF4J).
 *
 * <p>The transaction id is available to the application as the request attribute {@link #TRANSACTION_ID}. To swap
 * rules at run time, build the filter with {@link #reloadable} from a {@code Supplier<Firewall>} (e.g. an {@code AtomicReference::get}): each
 * request takes the firewall the supplier returns when it starts and keeps it to the end. An {@link ExchangeListener}
 * sees how every inspected exchange ended.
 */
public final class ParapetFilter implements Filter {

    /** Request attribute holding the transaction id (a {@code String}). */
    public static final String TRANSACTION_ID = "dev.parapet.transaction-id";

    private static final String EXCHANGE = ParapetFilter.class.getName() + ".exchange";
    private static final Logger LOG = LoggerFactory.getLogger(ParapetFilter.class);

    private Supplier<Firewall> firewalls;
    private AuditLog audit;
    private ExchangeListener listener;
    private long maxMultipartBytes;
    private boolean ownsAudit;

    /** For containers that create the filter from {@code web.xml}: configured by {@link #init}. */
    public ParapetFilter() {
    }

    private ParapetFilter(Builder b) {
        this.firewalls = b.firewalls;
        this.audit = b.audit != null ? b.audit : AuditLog.slf4j();
        this.listener = b.listener;
        this.maxMultipartBytes = b.maxMultipartBytes;
    }

    /** Starts a builder for a filter around the given firewall. */
    public static Builder builder(Firewall firewall) {
        Objects.requireNonNull(firewall, "firewall");
        return new Builder(() -> firewall);
    }

    /**
     * Starts a builder for a filter whose firewall can change: {@code firewalls} is asked once at the start of every
     * request and must not return {@code null}.
     */
    public static Builder reloadable(Supplier<Firewall> firewalls) {
        return new Builder(Objects.requireNonNull(firewalls, "firewalls"));
    }

    /** The firewall this filter runs now ({@code null} before {@link #init} for a filter from {@code web.xml}). */
    public Firewall firewall() {
        return firewalls == null ? null : firewalls.get();
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        if (firewalls != null) {
            return;
        }
        String rules = config.getInitParameter("rules");
        if (rules == null || rules.isBlank()) {
            throw new ServletException("ParapetFilter: init parameter 'rules' (rule files or directories) is required");
        }
        try {
            Firewall.Builder builder = Firewall.builder();
            for (String item : rules.split(",")) {
                for (Path file : ruleFiles(Path.of(item.strip()))) {
                    builder.file(file);
                }
            }
            String mode = config.getInitParameter("mode");
            if (mode != null && !mode.isBlank()) {
                builder.mode(RuleEngineMode.parse(mode.strip()));
            }
            Firewall firewall = builder.build();
            firewalls = () -> firewall;
        } catch (RuntimeException | IOException e) {
            throw new ServletException("ParapetFilter: cannot load rules: " + e.getMessage(), e);
        }
        String auditLog = config.getInitParameter("audit-log");
        String errorLog = config.getInitParameter("error-log");
        if (auditLog != null || errorLog != null) {
            audit = AuditLog.builder()
                    .sink(FileAuditSink.open(auditLog == null ? null : Path.of(auditLog),
                            errorLog == null ? null : Path.of(errorLog)))
                    .build();
            ownsAudit = true;
        } else {
            audit = AuditLog.slf4j();
        }
        maxMultipartBytes = Builder.DEFAULT_MAX_MULTIPART_BYTES;
        Firewall firewall = firewalls.get();
        LOG.info("Parapet filter: {} rules, engine {}", firewall.ruleCount(), firewall.settings().ruleEngine());
    }

    /** A rule file, or the {@code *.conf} files of a directory in name order. */
    static List<Path> ruleFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList());
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Firewall firewall = firewalls == null ? null : firewalls.get();
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || firewall == null || firewall.settings().ruleEngine() == RuleEngineMode.OFF) {
            chain.doFilter(req, res);
            return;
        }
        if (request.getAttribute(EXCHANGE) instanceof Exchange running) {
            // A later dispatch of an inspected request (async, forward, include, error): the exchange goes on.
            chain.doFilter(req, res);
            if (request.getDispatcherType() == DispatcherType.ASYNC && !request.isAsyncStarted()) {
                running.finish();
            }
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(req, res);
            return;
        }
        Exchange exchange = new Exchange(firewall.newTransaction(), firewall.settings(), request, response, audit,
                maxMultipartBytes, listener);
        request.setAttribute(EXCHANGE, exchange);
        request.setAttribute(TRANSACTION_ID, exchange.id());
        boolean async = false;
        try {
            boolean proceed;
            try {
                proceed = exchange.inspectRequest();
            } catch (IOException e) {
                exchange.failed(e);
                throw e;
            }
            if (!proceed) {
                return;
            }
            try {
                chain.doFilter(exchange.appRequest(), exchange.appResponse());
            } catch (IOException | ServletException | RuntimeException | Error e) {
                exchange.failed(e);
                throw e;
            }
            if (exchange.appRequest().isAsyncStarted()) {
                async = true; // finished by the async context's complete() or its listener
                return;
            }
            exchange.finish();
        } finally {
            if (!async) {
                exchange.close();
            }
        }
    }

    @Override
    public void destroy() {
        if (ownsAudit && audit != null) {
            audit.sink().close();
        }
    }

    /** Configures a {@link ParapetFilter}. Not thread-safe. */
    public static final class Builder {
        static final long DEFAULT_MAX_MULTIPART_BYTES = 64L * 1024 * 1024;

        private final Supplier<Firewall> firewalls;
        private AuditLog audit;
        private ExchangeListener listener;
        private long maxMultipartBytes = DEFAULT_MAX_MULTIPART_BYTES;

        private Builder(Supplier<Firewall> firewalls) {
            this.firewalls = firewalls;
        }

        /** Where transactions are recorded (default: {@link AuditLog#slf4j()}). */
        public Builder auditLog(AuditLog audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * The most bytes read into memory to build parameters or multipart parts when a body is longer than the
         * inspection limit and passed on ({@code ProcessPartial}); default 64 MiB.
         */
        public Builder maxMultipartBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMultipartBytes must be positive");
            }
            this.maxMultipartBytes = bytes;
            return this;
        }

        /** Told how every inspected exchange ended (default: none). */
        public Builder listener(ExchangeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Builds the filter. */
        public ParapetFilter build() {
            return new ParapetFilter(this);
        }
    }
}
