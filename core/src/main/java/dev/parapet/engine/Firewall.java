package dev.parapet.engine;

import dev.parapet.engine.internal.InspectionThreads;
import dev.parapet.engine.internal.ScratchPool;
import dev.parapet.engine.internal.Program;
import dev.parapet.engine.internal.RulesetCompiler;
import dev.parapet.seclang.Directive;
import dev.parapet.seclang.SecLangException;
import dev.parapet.seclang.SecLangReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A compiled rule set. Built once, immutable, and safe to share between all threads; each request gets
 * its own {@link Transaction} from {@link #newTransaction()}.
 *
 * <pre>{@code
 * Firewall firewall = Firewall.builder()
 *     .file(Path.of("crs-setup.conf"))
 *     .directives("tuning", "SecRuleRemoveById 920350")
 *     .build();
 * }</pre>
 */
public final class Firewall {

    private final Program program;
    private final EngineSettings settings;
    private final Supplier<String> idGenerator;
    private final EngineHooks hooks;
    private final ScratchPool scratch = ScratchPool.standard();
    private final InspectionThreads inspection;

    private Firewall(Program program, EngineSettings settings, Supplier<String> idGenerator, EngineHooks hooks,
            int inspectionThreads) {
        this.program = program;
        this.settings = settings;
        this.idGenerator = idGenerator;
        this.hooks = hooks;
        this.inspection = inspectionThreads > 0 ? new InspectionThreads(inspectionThreads) : null;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new transaction with a fresh unique id. */
    public Transaction newTransaction() {
        return new Transaction(program, settings, idGenerator.get(), hooks, scratch, inspection);
    }

    /** A new transaction with the given id (e.g. a request id from a proxy or Lambda). */
    public Transaction newTransaction(String id) {
        return new Transaction(program, settings, Objects.requireNonNull(id, "id"), hooks, scratch, inspection);
    }

    /** The effective engine settings. */
    public EngineSettings settings() {
        return settings;
    }

    /** The number of top-level rules loaded (markers and chained links not counted). */
    public int ruleCount() {
        return program.ruleCount();
    }

    /** The ids of the loaded rules, in phase order. */
    public List<Integer> ruleIds() {
        return program.rules().stream().map(r -> r.id).toList();
    }

    /**
     * The loaded top-level rules (markers and chained links not counted), in phase order: id, phase, file,
     * line, tags and message of each.
     */
    public List<RuleDescriptor> rules() {
        return program.rules().stream()
                .map(r -> new RuleDescriptor(r.id, r.phase, r.file == null ? "" : r.file, r.line, r.tags,
                        r.message == null ? "" : r.message.source()))
                .toList();
    }

    /** The {@code SecComponentSignature} values of the loaded rule sets. */
    public List<String> componentSignatures() {
        return program.componentSignatures();
    }

    /** Collects rule sources and settings; {@link #build()} compiles them. Not thread-safe. */
    public static final class Builder {

        private final List<Supplier<List<Directive>>> sources = new ArrayList<>();
        private RuleEngineMode modeOverride;
        private Supplier<String> idGenerator;
        private EngineHooks hooks = EngineHooks.NONE;
        private int inspectionThreads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Adds SecLang text. Relative {@code Include}s and data files resolve from the working directory.
         *
         * @param name a name for error messages, e.g. {@code "tuning"}
         * @param text the directives
         */
        public Builder directives(String name, String text) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            sources.add(() -> SecLangReader.read(name, text, Path.of("").toAbsolutePath()));
            return this;
        }

        /**
         * Adds SecLang text whose relative paths resolve from {@code baseDirectory}.
         */
        public Builder directives(String name, String text, Path baseDirectory) {
            Objects.requireNonNull(text, "text");
            sources.add(() -> SecLangReader.read(name, text, baseDirectory.toAbsolutePath()));
            return this;
        }

        /** Adds a rule file, as {@code Include} would (relative paths inside resolve from its directory). */
        public Builder file(Path file) {
            Objects.requireNonNull(file, "file");
            sources.add(() -> SecLangReader.readFile(file));
            return this;
        }

        /**
         * Adds a rule file from the classpath, as {@code Include classpath:resource} would: relative
         * {@code Include}s inside resolve next to it on the classpath, and a glob in the last segment
         * (e.g. {@code "com/example/waf/*.conf"}) loads every match in name order. Uses the thread's context
         * class loader, else the one that loaded Parapet.
         *
         * @param resource e.g. {@code "dev/parapet/rulesets/parapet.conf"}
         */
        public Builder classpath(String resource) {
            Objects.requireNonNull(resource, "resource");
            ClassLoader loader = SecLangReader.defaultClassLoader();
            sources.add(() -> SecLangReader.readClasspath(resource, loader));
            return this;
        }

        /** Adds a rule file from the classpath of {@code classLoader}; see {@link #classpath(String)}. */
        public Builder classpath(String resource, ClassLoader classLoader) {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(classLoader, "classLoader");
            sources.add(() -> SecLangReader.readClasspath(resource, classLoader));
            return this;
        }

        /** Overrides {@code SecRuleEngine} from the rules, e.g. to roll out in detection-only mode. */
        public Builder mode(RuleEngineMode mode) {
            this.modeOverride = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Supplies transaction ids (default: 16 random URL-safe characters per firewall, plus a counter). */
        public Builder idGenerator(Supplier<String> generator) {
            this.idGenerator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /**
         * Adds checks that run before the rules in {@link Transaction#processRequestHeaders()}, e.g. a
         * {@code dev.parapet.ratelimit.TrafficGuard} (IP lists, bans, rate limits).
         */
        public Builder protection(Protection protection) {
            hooks = new EngineHooks(Objects.requireNonNull(protection, "protection"), hooks.collectionStore(),
                    hooks.collectionTimeout());
            return this;
        }

        /**
         * Persists SecLang collections opened with {@code initcol} (IP, GLOBAL, SESSION, USER, RESOURCE)
         * in {@code store}, each kept for {@code timeout} after its last update ({@code SecCollectionTimeout}).
         * Without a store they last one transaction.
         */
        public Builder persistentCollections(dev.parapet.store.StateStore store, java.time.Duration timeout) {
            hooks = new EngineHooks(hooks.protection(), Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /** {@link #persistentCollections(dev.parapet.store.StateStore, java.time.Duration)} with one hour. */
        public Builder persistentCollections(dev.parapet.store.StateStore store) {
            return persistentCollections(store, java.time.Duration.ofHours(1));
        }

        /**
         * How many platform threads run rule phases for transactions driven from virtual threads (default: the
         * number of available processors; 0 runs them on the virtual thread itself).
         *
         * <p>The regex engine keeps each pattern's compiled automata per thread, so on a new virtual thread per
         * request every pattern a request reaches would be compiled again: about five times the CPU per CRS
         * transaction. Handing each phase that runs regexes to a long-lived thread costs about 10–15 µs instead.
         * Platform threads (a servlet container's usual request threads) always run phases themselves. The
         * threads start on demand and end after a minute without work.
         */
        public Builder inspectionThreads(int threads) {
            if (threads < 0) {
                throw new IllegalArgumentException("inspectionThreads must not be negative: " + threads);
            }
            this.inspectionThreads = threads;
            return this;
        }

        /**
         * Reads and compiles every source.
         *
         * @throws SecLangException naming file, line and token when a rule or directive is invalid
         */
        public Firewall build() {
            RulesetCompiler compiler = new RulesetCompiler();
            for (Supplier<List<Directive>> source : sources) {
                compiler.add(source.get());
            }
            Program program = compiler.compile();
            EngineSettings settings = program.settings();
            if (modeOverride != null) {
                settings = settings.withRuleEngine(modeOverride);
            }
            Supplier<String> ids = idGenerator != null ? idGenerator : defaultIds();
            return new Firewall(program, settings, ids, hooks, inspectionThreads);
        }

        private static Supplier<String> defaultIds() {
            byte[] seed = new byte[9];
            new SecureRandom().nextBytes(seed);
            String prefix = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(seed);
            AtomicLong counter = new AtomicLong();
            return () -> prefix + Long.toString(counter.incrementAndGet(), 36);
        }
    }
}
