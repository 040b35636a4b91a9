package dev.parapet.engine;

import dev.parapet.actions.Action;
import dev.parapet.actions.ActionContext;
import dev.parapet.actions.Disruptive;
import dev.parapet.actions.TargetRef;
import dev.parapet.actions.TransactionControl;
import dev.parapet.bodyprocessors.BodyProcessor;
import dev.parapet.bodyprocessors.BodyProcessorRegistry;
import dev.parapet.bodyprocessors.BodyTarget;
import dev.parapet.bodyprocessors.MultipartFlag;
import dev.parapet.bodyprocessors.UrlEncodedBodyProcessor;
import dev.parapet.engine.internal.Ascii;
import dev.parapet.engine.internal.Collection;
import dev.parapet.engine.internal.CompiledRule;
import dev.parapet.engine.internal.Entry;
import dev.parapet.engine.internal.InspectionThreads;
import dev.parapet.engine.internal.LogLines;
import dev.parapet.engine.internal.Program;
import dev.parapet.engine.internal.RulesetCompiler;
import dev.parapet.engine.internal.Scratch;
import dev.parapet.engine.internal.ScratchPool;
import dev.parapet.engine.internal.StoredCollections;
import dev.parapet.engine.internal.Target;
import dev.parapet.engine.internal.TransformPipeline;
import dev.parapet.engine.internal.ValueNode;
import dev.parapet.operators.OperatorContext;
import dev.parapet.operators.internal.KeyRegex;
import dev.parapet.operators.libinjection.SqliDetector;
import dev.parapet.operators.internal.LiteralScreen;
import dev.parapet.operators.internal.ScreenArena;
import dev.parapet.seclang.MacroString;
import dev.parapet.variables.Variable;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP exchange inspected by a {@link Firewall}. Feed it in order — connection, URI, request
 * headers, request body, response headers, response body, logging — and act on the
 * {@link Interruption} a step returns. A step that is skipped is run implicitly by the next one.
 *
 * <p>Strings are byte strings: each {@code char} is one byte (ISO-8859-1). Adapters that hold UTF-8
 * text must pass its bytes, e.g. {@code new String(bytes, ISO_8859_1)}.
 *
 * <p>Not thread-safe: one transaction belongs to one request at a time.
 */
public final class Transaction implements AutoCloseable {

    private static final Variable[] VARIABLES = Variable.values();
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final Program program;
    private final String id;
    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();

    // Per-transaction configuration, changed by ctl:
    private RuleEngineMode mode;
    private boolean requestBodyAccess;
    private long requestBodyLimit;
    private boolean responseBodyAccess;
    private long responseBodyLimit;
    private String bodyProcessorOverride;
    private boolean forceRequestBodyVariable;
    private String auditEngine;
    private String auditLogParts;

    // Variables
    private final String[] scalars = new String[VARIABLES.length];
    private final Collection[] collections = new Collection[VARIABLES.length];
    private final LinkedHashMap<String, Entry> tx = new LinkedHashMap<>(256); // CRS sets ~150 TX variables
    private Map<String, LinkedHashMap<String, Entry>> persistent;
    private Map<String, String> env;

    // ctl: exclusions
    private List<Predicate<CompiledRule>> removedRules;
    private java.util.Set<IntPredicate> removedIdSets;
    private java.util.Set<List<Object>> removedTargetPairs;
    private List<TargetRemoval> removedTargets;
    /**
     * Target removals that apply to each rule (by index): a table from the scratch, filled lazily, emptied when a
     * removal is added.
     */
    private List<Target>[] removalsByRule;
    private Map<Long, List<Target>> removalsByMask; // see collectRemovals

    // Bodies
    private byte[] requestBody = new byte[0];
    private int requestBodyLength;
    private boolean requestBodyOverLimit;
    private byte[] responseBody = new byte[0];
    private int responseBodyLength;
    private boolean responseBodyOverLimit;
    private boolean requestBodyNoFilesOverLimit;
    private boolean responseBodyInspectable;

    // Progress
    private boolean connectionSet;
    private boolean uriSet;
    private final boolean[] phaseDone = new boolean[6];
    private Interruption interruption;
    private boolean allowRemaining;
    private boolean allowRequest;
    private final List<MatchedRule> matched = new ArrayList<>();
    private int highestSeverity = 255;
    private boolean relevant;

    // Evaluation state
    /** Nodes of the values that are not collection entries (scalars, counts), by string instance. */
    private final IdentityHashMap<String, ValueNode> nodes = new IdentityHashMap<>();
    /** One reusable matcher per regex, borrowed from the firewall's pool on first use (see OperatorContext#matcher). */
    private Scratch scratch; // borrowed from the pool on first use, given back on close
    private final ScratchPool scratchPool;
    /** Where phases run when driven from a virtual thread; null to run them on the caller. */
    private final InspectionThreads inspection;
    private CompiledRule currentRule;
    private CompiledRule currentTopRule;
    private String matchedVar;
    private String matchedVarPrefix; // MATCHED_VAR_NAME is prefix or prefix:key, built when read
    private String matchedVarKey;
    private Entry matchedVarEntry; // the match's entry, which caches its qualified name
    private String matchedVarName;
    // The current rule's matches; MATCHED_VARS and MATCHED_VARS_NAMES are built from them only when read.
    private String[] matchPrefixes = new String[8];
    private String[] matchKeys = new String[8];
    private String[] matchValues = new String[8];
    private Entry[] matchEntries = new Entry[8];
    private int matchCount;
    private boolean matchCollectionsCurrent = true;
    private final Collection matchedVars = new Collection();
    private final Collection matchedVarsNames = new Collection();
    private final Context context = new Context();
    /** The transaction's reusable matchers, for key selectors (made once: a method reference per call would allocate). */
    private final java.util.function.BiFunction<org.safere.Pattern, String, org.safere.Matcher> matchers =
            context::matcher;

    // Protection checks before phase 1 and persistent collections (see EngineHooks)
    private final Protection protection;
    private Protection.Admission admission;
    private final StoredCollections storedCollections;

    private record TargetRemoval(Predicate<CompiledRule> rules, Target target) {
    }

    Transaction(Program program, EngineSettings settings, String id, EngineHooks hooks, ScratchPool scratchPool,
            InspectionThreads inspection) {
        this.program = program;
        this.scratchPool = scratchPool;
        this.inspection = inspection;
        this.protection = hooks.protection();
        this.storedCollections = hooks.collectionStore() == null ? null
                : new StoredCollections(hooks.collectionStore(), hooks.collectionTimeout());
        this.id = id;
        this.mode = settings.ruleEngine();
        this.requestBodyAccess = settings.requestBodyAccess();
        this.requestBodyLimit = settings.requestBodyLimit();
        this.responseBodyAccess = settings.responseBodyAccess();
        this.responseBodyLimit = settings.responseBodyLimit();
        this.auditEngine = settings.auditEngine();
        this.auditLogParts = settings.auditLogParts();
        scalars[Variable.UNIQUE_ID.ordinal()] = id;
    }

    private EngineSettings settings() {
        return program.settings();
    }

    /** This transaction's unique id ({@code UNIQUE_ID}). */
    public String id() {
        return id;
    }

    /** The engine mode in force (a rule may have changed it with {@code ctl:ruleEngine}). */
    public RuleEngineMode mode() {
        return mode;
    }

    // ---- request -------------------------------------------------------------------------------

    /** Sets the client and server addresses ({@code REMOTE_ADDR}, {@code SERVER_PORT}, …). */
    public void processConnection(String clientAddress, int clientPort, String serverAddress, int serverPort) {
        scalars[Variable.REMOTE_ADDR.ordinal()] = clientAddress == null ? "" : clientAddress;
        scalars[Variable.REMOTE_HOST.ordinal()] = clientAddress == null ? "" : clientAddress;
        scalars[Variable.REMOTE_PORT.ordinal()] = Integer.toString(clientPort);
        scalars[Variable.SERVER_ADDR.ordinal()] = serverAddress == null ? "" : serverAddress;
        scalars[Variable.SERVER_PORT.ordinal()] = Integer.toString(serverPort);
        connectionSet = true;
    }

    /** Sets the authenticated principal ({@code REMOTE_USER}), e.g. for per-user rate limits. */
    public void setRemoteUser(String user) {
        set(Variable.REMOTE_USER, user == null ? "" : user);
    }

    /**
     * Sets the request line.
     *
     * @param method the method as sent
     * @param rawUri the request target as sent (origin form {@code /a?b=c} or absolute form)
     * @param protocol the protocol, e.g. {@code HTTP/1.1}; empty for an HTTP/0.9 request line
     */
    public void processUri(String method, String rawUri, String protocol) {
        String m = method == null ? "" : method;
        String uri = rawUri == null ? "" : rawUri;
        String proto = protocol == null ? "" : protocol;
        set(Variable.REQUEST_METHOD, m);
        set(Variable.REQUEST_PROTOCOL, proto);
        set(Variable.REQUEST_URI_RAW, uri);
        // An HTTP/0.9 request line has no protocol; ModSecurity's REQUEST_LINE is then "METHOD URI" (CRS 905100).
        boolean http09 = proto.isEmpty() || proto.equals("HTTP/0.9");
        set(Variable.REQUEST_LINE, http09 ? m + " " + uri : m + " " + uri + " " + proto);
        String relative = stripSchemeAndAuthority(uri);
        set(Variable.REQUEST_URI, relative);
        int q = relative.indexOf('?');
        String path = q < 0 ? relative : relative.substring(0, q);
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        if (q >= 0) {
            String query = relative.substring(q + 1);
            int qh = query.indexOf('#');
            if (qh >= 0) {
                query = query.substring(0, qh);
            }
            set(Variable.QUERY_STRING, query);
            UrlEncodedBodyProcessor.parse(query, this::addGetArgument);
        }
        String filename = PercentDecoder.decodePath(path);
        set(Variable.REQUEST_FILENAME, filename);
        int slash = filename.lastIndexOf('/');
        set(Variable.REQUEST_BASENAME, slash < 0 ? filename : filename.substring(slash + 1));
        uriSet = true;
    }

    private static String stripSchemeAndAuthority(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme > 0 && !uri.startsWith("/")) {
            for (int i = 0; i < scheme; i++) {
                char c = uri.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                    return uri;
                }
            }
            int pathStart = uri.indexOf('/', scheme + 3);
            int queryStart = uri.indexOf('?', scheme + 3);
            if (pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)) {
                return queryStart < 0 ? "/" : "/" + uri.substring(queryStart);
            }
            return uri.substring(pathStart);
        }
        return uri;
    }

    private void addGetArgument(String name, String value) {
        Entry e = Entry.of(name, value);
        Entry n = new Entry(name, e.keyLower(), name);
        collection(Variable.ARGS_GET).add(e);
        collection(Variable.ARGS).add(e);
        collection(Variable.ARGS_GET_NAMES).add(n);
        collection(Variable.ARGS_NAMES).add(n);
    }

    private void addPostArgument(String name, String value) {
        Entry e = Entry.of(name, value);
        Entry n = new Entry(name, e.keyLower(), name);
        collection(Variable.ARGS_POST).add(e);
        collection(Variable.ARGS).add(e);
        collection(Variable.ARGS_POST_NAMES).add(n);
        collection(Variable.ARGS_NAMES).add(n);
    }

    /** Adds a request header, in arrival order and with its original case. */
    public void addRequestHeader(String name, String value) {
        if (name == null) {
            return;
        }
        String v = value == null ? "" : value;
        Entry e = Entry.of(name, v);
        collection(Variable.REQUEST_HEADERS).add(e);
        collection(Variable.REQUEST_HEADERS_NAMES).add(new Entry(name, e.keyLower(), name));
        if (e.keyLower().equals("cookie")) {
            parseCookies(v);
        } else if (e.keyLower().equals("host")) {
            String host = v;
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(']') < colon) {
                host = host.substring(0, colon);
            }
            set(Variable.SERVER_NAME, host);
        }
    }

    /** Cookies as ModSecurity v2 reads a version-0 Cookie header: {@code ;}-separated name=value pairs. */
    private void parseCookies(String header) {
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            String value = eq < 0 ? "" : p.substring(eq + 1);
            if (name.isEmpty()) {
                continue;
            }
            Entry e = Entry.of(name, value);
            collection(Variable.REQUEST_COOKIES).add(e);
            collection(Variable.REQUEST_COOKIES_NAMES).add(new Entry(name, e.keyLower(), name));
        }
    }

    /** Runs phase 1 (request headers). */
    public Optional<Interruption> processRequestHeaders() {
        if (!phaseDone[1]) {
            if (!connectionSet) {
                processConnection("", 0, "", 0);
            }
            if (!uriSet) {
                processUri("GET", "/", "HTTP/1.1");
            }
            // Always present (empty when no processor applies), so CRS 901340 can test for "none".
            String processor = defaultBodyProcessor();
            set(Variable.REQBODY_PROCESSOR, processor == null ? "" : processor);
            Optional<Interruption> refused = admit();
            if (refused.isPresent()) {
                return refused;
            }
        }
        return runPhase(1);
    }

    /** Runs the protection checks once, before phase 1; enforces their verdict when the engine is on. */
    private Optional<Interruption> admit() {
        if (protection == null || admission != null || mode == RuleEngineMode.OFF || interruption != null) {
            return Optional.empty();
        }
        try {
            admission = protection.admit(new TransactionRequestView(this));
        } catch (RuntimeException e) {
            LOG.warn("protection check failed; letting the request on to the rules", e);
            admission = Protection.Admission.pass();
        }
        Optional<Interruption> verdict = admission.interruption();
        if (verdict.isPresent() && mode == RuleEngineMode.ON) {
            interruption = verdict.get();
            phaseDone[1] = true;
            return verdict;
        }
        return Optional.empty();
    }

    private String defaultBodyProcessor() {
        String type = collection(Variable.REQUEST_HEADERS).first("content-type");
        if (type == null) {
            return null;
        }
        String t = Ascii.lower(type).strip();
        int semi = t.indexOf(';');
        String mime = (semi < 0 ? t : t.substring(0, semi)).strip();
        if (mime.equals("application/x-www-form-urlencoded")) {
            return "URLENCODED";
        }
        if (mime.equals("multipart/form-data")) {
            return "MULTIPART";
        }
        // As modsecurity.conf-recommended's rules 200000 and 200001 do for ModSecurity.
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            return "JSON";
        }
        if (mime.equals("text/xml") || mime.equals("application/xml") || mime.endsWith("+xml")) {
            return "XML";
        }
        return null;
    }

    /** Buffers request body bytes, up to the configured limits. */
    public void appendRequestBody(byte[] data, int offset, int length) {
        if (length <= 0 || !requestBodyAccess) {
            return;
        }
        long limit = effectiveRequestBodyLimit();
        long room = limit - requestBodyLength;
        int take = (int) Math.min(length, Math.max(0, room));
        if (take < length) {
            requestBodyOverLimit = true;
        }
        if (take > 0) {
            if (requestBodyLength + take > requestBody.length) {
                int capacity = (int) Math.min(limit, Math.max(requestBody.length * 2L, requestBodyLength + (long) take));
                requestBody = Arrays.copyOf(requestBody, Math.max(capacity, requestBodyLength + take));
            }
            System.arraycopy(data, offset, requestBody, requestBodyLength, take);
            requestBodyLength += take;
        }
    }

    private long effectiveRequestBodyLimit() {
        String processor = bodyProcessorOverride != null ? bodyProcessorOverride : scalar(Variable.REQBODY_PROCESSOR);
        if ("MULTIPART".equals(processor)) {
            return requestBodyLimit;
        }
        return Math.min(requestBodyLimit, settings().requestBodyNoFilesLimit());
    }

    /** Parses the buffered body and runs phase 2 (request body). */
    public Optional<Interruption> processRequestBody() {
        if (!phaseDone[1]) {
            processRequestHeaders();
        }
        if (phaseDone[2] || interruption != null) {
            return runPhase(2);
        }
        if (requestBodyOverLimit) {
            if (refuseBodyOverLimit()) {
                return Optional.of(interruption);
            }
        } else {
            set(Variable.INBOUND_DATA_ERROR, "0");
        }
        if (requestBodyAccess && mode != RuleEngineMode.OFF) {
            parseRequestBody();
            // A multipart body over SecRequestBodyNoFilesLimit outside its files is treated like one over
            // SecRequestBodyLimit; with ProcessPartial it was parsed as far as the limit.
            if (requestBodyNoFilesOverLimit && refuseBodyOverLimit()) {
                return Optional.of(interruption);
            }
        }
        return runPhase(2);
    }

    /**
     * Flags a request body over a limit ({@code INBOUND_DATA_ERROR}) and, when {@code SecRequestBodyLimitAction}
     * is Reject and the engine is on, refuses it with 413 before phase 2; whether it refused.
     */
    private boolean refuseBodyOverLimit() {
        set(Variable.INBOUND_DATA_ERROR, "1");
        if (settings().requestBodyLimitAction() == BodyLimitAction.REJECT && mode == RuleEngineMode.ON) {
            interruption = new Interruption(0, Disruptive.DENY, 413, null, 2);
            phaseDone[2] = true;
            return true;
        }
        return false;
    }

    private void parseRequestBody() {
        set(Variable.REQUEST_BODY_LENGTH, Integer.toString(requestBodyLength));
        String processorName = bodyProcessorOverride != null ? bodyProcessorOverride : scalar(Variable.REQBODY_PROCESSOR);
        if (bodyProcessorOverride != null) {
            set(Variable.REQBODY_PROCESSOR, bodyProcessorOverride);
        }
        set(Variable.REQBODY_ERROR, "0");
        set(Variable.REQBODY_PROCESSOR_ERROR, "0");
        String contentType = collection(Variable.REQUEST_HEADERS).first("content-type");
        if ("URLENCODED".equals(processorName) || forceRequestBodyVariable) {
            set(Variable.REQUEST_BODY, new String(requestBody, 0, requestBodyLength, StandardCharsets.ISO_8859_1));
        }
        if (processorName != null && !processorName.isEmpty() && requestBodyLength > 0) {
            if ("MULTIPART".equals(processorName)) {
                for (MultipartFlag f : MultipartFlag.values()) {
                    set(variableOf(f), "0");
                }
                set(Variable.MULTIPART_STRICT_ERROR, "0");
            }
            Optional<BodyProcessor> processor = BodyProcessorRegistry.lookup(processorName);
            if (processor.isPresent()) {
                try {
                    processor.get().process(requestBody, requestBodyLength, contentType,
                            RulesetCompiler.bodyLimits(settings()), new BodyVariables());
                } catch (RuntimeException e) {
                    // A processor must not throw; if one does, the body is treated as malformed.
                    new BodyVariables().error(processorName + " parsing error: " + e);
                }
            }
        }
        long combined = 0;
        for (Entry e : collection(Variable.ARGS).entries()) {
            combined += e.key().length() + e.value().length();
        }
        set(Variable.ARGS_COMBINED_SIZE, Long.toString(combined));
    }

    private static Variable variableOf(MultipartFlag flag) {
        return Variable.valueOf(flag.variableName());
    }

    /** Receives what the body processor parses. */
    private final class BodyVariables implements BodyTarget {
        private long combinedFileSize;

        @Override
        public void argument(String name, String value) {
            addPostArgument(name, value);
        }

        @Override
        public void file(String fieldName, String fileName, long size) {
            Entry e = Entry.of(fieldName, fileName);
            collection(Variable.FILES).add(e);
            collection(Variable.FILES_NAMES).add(new Entry(fieldName, e.keyLower(), fieldName));
            collection(Variable.FILES_SIZES).add(new Entry(fieldName, e.keyLower(), Long.toString(size)));
            String before = scalar(Variable.FILES_COMBINED_SIZE);
            combinedFileSize = (before == null ? 0 : Long.parseLong(before)) + size;
            set(Variable.FILES_COMBINED_SIZE, Long.toString(combinedFileSize));
        }

        @Override
        public void multipartPartHeader(String partName, String headerLine) {
            collection(Variable.MULTIPART_PART_HEADERS).add(partName, headerLine);
        }

        @Override
        public void multipartFlag(MultipartFlag flag) {
            set(variableOf(flag), "1");
            if (flag.strict()) {
                set(Variable.MULTIPART_STRICT_ERROR, "1");
            }
        }

        @Override
        public void multipartNames(String name, String fileName) {
            if (name != null) {
                set(Variable.MULTIPART_NAME, name);
            }
            if (fileName != null) {
                set(Variable.MULTIPART_FILENAME, fileName);
            }
        }

        @Override
        public void xml(String elementText, List<String> attributeValues) {
            Collection xml = collection(Variable.XML);
            xml.add("/*", elementText);
            for (String a : attributeValues) {
                xml.add("//@*", a);
            }
        }

        @Override
        public void noFilesLimitExceeded(long limit) {
            requestBodyNoFilesOverLimit = true;
        }

        @Override
        public void error(String message) {
            set(Variable.REQBODY_ERROR, "1");
            set(Variable.REQBODY_PROCESSOR_ERROR, "1");
            if (scalar(Variable.REQBODY_ERROR_MSG) == null) {
                set(Variable.REQBODY_ERROR_MSG, message);
                set(Variable.REQBODY_PROCESSOR_ERROR_MSG, message);
            }
        }
    }

    // ---- response ------------------------------------------------------------------------------

    /** Adds a response header. */
    public void addResponseHeader(String name, String value) {
        if (name == null) {
            return;
        }
        String v = value == null ? "" : value;
        Entry e = Entry.of(name, v);
        collection(Variable.RESPONSE_HEADERS).add(e);
        collection(Variable.RESPONSE_HEADERS_NAMES).add(new Entry(name, e.keyLower(), name));
        if (e.keyLower().equals("content-type")) {
            set(Variable.RESPONSE_CONTENT_TYPE, v);
        } else if (e.keyLower().equals("content-length")) {
            set(Variable.RESPONSE_CONTENT_LENGTH, v);
        }
    }

    /** Runs phase 3 (response headers). Runs the request phases first if they have not run. */
    public Optional<Interruption> processResponseHeaders(int status, String protocol) {
        if (!phaseDone[2]) {
            processRequestBody();
        }
        if (!phaseDone[3]) {
            set(Variable.RESPONSE_STATUS, Integer.toString(status));
            String proto = protocol == null ? "" : protocol;
            set(Variable.RESPONSE_PROTOCOL, proto);
            set(Variable.STATUS_LINE, proto + " " + status);
            String type = scalar(Variable.RESPONSE_CONTENT_TYPE);
            responseBodyInspectable = responseBodyAccess && type != null && mimeInspectable(type);
        }
        return runPhase(3);
    }

    private boolean mimeInspectable(String contentType) {
        String t = Ascii.lower(contentType);
        int semi = t.indexOf(';');
        String mime = (semi < 0 ? t : t.substring(0, semi)).strip();
        return settings().responseBodyMimeTypes().contains(mime);
    }

    /** Whether the response body will be inspected, so an adapter knows whether to buffer it. */
    public boolean isResponseBodyInspected() {
        return responseBodyInspectable && mode != RuleEngineMode.OFF;
    }

    /** Buffers response body bytes, up to {@code SecResponseBodyLimit}. */
    public void appendResponseBody(byte[] data, int offset, int length) {
        if (length <= 0 || !responseBodyInspectable) {
            return;
        }
        long room = responseBodyLimit - responseBodyLength;
        int take = (int) Math.min(length, Math.max(0, room));
        if (take < length) {
            responseBodyOverLimit = true;
        }
        if (take > 0) {
            if (responseBodyLength + take > responseBody.length) {
                int capacity = (int) Math.min(responseBodyLimit,
                        Math.max(responseBody.length * 2L, responseBodyLength + (long) take));
                responseBody = Arrays.copyOf(responseBody, Math.max(capacity, responseBodyLength + take));
            }
            System.arraycopy(data, offset, responseBody, responseBodyLength, take);
            responseBodyLength += take;
        }
    }

    /** Runs phase 4 (response body). */
    public Optional<Interruption> processResponseBody() {
        if (!phaseDone[3]) {
            processResponseHeaders(200, "HTTP/1.1");
        }
        if (!phaseDone[4] && interruption == null) {
            if (responseBodyOverLimit) {
                set(Variable.OUTBOUND_DATA_ERROR, "1");
                if (settings().responseBodyLimitAction() == BodyLimitAction.REJECT && mode == RuleEngineMode.ON) {
                    interruption = new Interruption(0, Disruptive.DENY, 500, null, 4);
                    phaseDone[4] = true;
                    return Optional.of(interruption);
                }
            } else {
                set(Variable.OUTBOUND_DATA_ERROR, "0");
            }
            if (responseBodyInspectable) {
                set(Variable.RESPONSE_BODY, new String(responseBody, 0, responseBodyLength, StandardCharsets.ISO_8859_1));
            }
        }
        return runPhase(4);
    }

    /** Runs phase 5 (logging). Always runs, also after an interruption. */
    public void processLogging() {
        if (phaseDone[5]) {
            return;
        }
        runPhase(5);
        if (storedCollections != null) {
            storedCollections.flush();
        }
        if (admission != null) {
            try {
                admission.completed(this);
            } catch (RuntimeException e) {
                LOG.warn("protection callback failed", e);
            }
        }
    }

    // ---- results -------------------------------------------------------------------------------

    /** The interruption, if a rule stopped this transaction. */
    public Optional<Interruption> interruption() {
        return Optional.ofNullable(interruption);
    }

    /** Every rule that matched so far, in order (including {@code nolog} rules, flagged as such). */
    public List<MatchedRule> matchedRules() {
        return List.copyOf(matched);
    }

    /** Whether the audit engine wants this transaction logged ({@code SecAuditEngine}, {@code ctl:auditEngine}). */
    public boolean isAuditRelevant() {
        return switch (auditEngine) {
            case "On" -> true;
            case "Off" -> false;
            default -> relevant || interruption != null;
        };
    }

    /** The audit log parts in force ({@code SecAuditLogParts}, {@code ctl:auditLogParts}). */
    public String auditLogParts() {
        return auditLogParts;
    }

    /** A TX variable's value, e.g. {@code tx("blocking_inbound_anomaly_score")}, or {@code null}. */
    public String tx(String name) {
        Entry e = tx.get(Ascii.lower(name));
        return e == null ? null : e.value();
    }

    /** The environment variables set by {@code setenv}. */
    public Map<String, String> environment() {
        return env == null ? Map.of() : Map.copyOf(env);
    }

    /** Milliseconds since the transaction started. */
    public long durationMicros() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    @Override
    public void close() {
        if (!phaseDone[5] && (phaseDone[1] || uriSet)) {
            processLogging();
        }
        nodes.clear();
        if (scratch != null) {
            scratchPool.giveBack(scratch);
            scratch = null;
        }
    }

    // ---- rule evaluation -----------------------------------------------------------------------

    private Optional<Interruption> runPhase(int phase) {
        if (inspection != null && !phaseDone[phase] && program.phaseUsesRegex(phase) && InspectionThreads.wanted()) {
            return inspection.call(() -> evaluatePhase(phase));
        }
        return evaluatePhase(phase);
    }

    private Optional<Interruption> evaluatePhase(int phase) {
        if (phaseDone[phase]) {
            return Optional.ofNullable(interruption);
        }
        phaseDone[phase] = true;
        if (mode == RuleEngineMode.OFF) {
            return Optional.ofNullable(interruption);
        }
        if (phase < 5 && (interruption != null || allowRemaining)) {
            return Optional.ofNullable(interruption);
        }
        if (phase <= 2 && allowRequest) {
            return Optional.empty();
        }
        CompiledRule[] rules = program.phases()[phase];
        int i = 0;
        while (i < rules.length) {
            CompiledRule rule = rules[i];
            if (isRemoved(rule)) {
                i++;
                continue;
            }
            boolean hit = evaluate(rule);
            if (mode == RuleEngineMode.OFF) {
                break;
            }
            if (hit) {
                // By the logging phase the response is gone: disruptive actions there change nothing.
                if (mode == RuleEngineMode.ON && phase < 5) {
                    switch (rule.disruptive) {
                        case DENY, DROP -> {
                            interruption = new Interruption(rule.id, rule.disruptive,
                                    rule.status == 0 ? 403 : rule.status, null, phase);
                            return Optional.of(interruption);
                        }
                        case REDIRECT -> {
                            int status = switch (rule.status) {
                                case 301, 302, 303, 307, 308 -> rule.status;
                                default -> 302;
                            };
                            String url = rule.redirect == null ? "" : rule.redirect.expand(context);
                            interruption = new Interruption(rule.id, Disruptive.REDIRECT, status, url, phase);
                            return Optional.of(interruption);
                        }
                        case ALLOW -> {
                            allowRemaining = phase < 5;
                            return Optional.empty();
                        }
                        case ALLOW_PHASE -> {
                            return Optional.empty();
                        }
                        case ALLOW_REQUEST -> {
                            allowRequest = true;
                            return Optional.empty();
                        }
                        default -> {
                        }
                    }
                }
                if (rule.skipAfter != null) {
                    i = Math.max(i + 1, rule.skipAfterIndex());
                    continue;
                }
                if (rule.skip > 0) {
                    i += 1 + rule.skip;
                    continue;
                }
            }
            i++;
        }
        return Optional.ofNullable(interruption);
    }

    private boolean isRemoved(CompiledRule rule) {
        if (removedRules != null) {
            for (Predicate<CompiledRule> r : removedRules) {
                if (r.test(rule)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Evaluates a rule and its chain; runs actions and records the match. */
    private boolean evaluate(CompiledRule top) {
        currentTopRule = top;
        matchCount = 0;
        matchCollectionsCurrent = false;
        // As in ModSecurity, a link's non-disruptive actions run at each of its matches (see addMatch), so
        // they see that match's captures, and a chained rule can read what its starter set (CRS 920420).
        for (CompiledRule link = top; link != null; link = link.chained) {
            currentRule = link;
            if (!evaluateLink(link, top)) {
                currentRule = null;
                return false;
            }
        }
        currentRule = top;
        record(top);
        currentRule = null;
        return true;
    }

    private boolean evaluateLink(CompiledRule rule, CompiledRule top) {
        if (rule.targets.length == 0) {
            // SecAction: no targets, the (unconditional) operator runs once.
            return evaluateValue(rule, "", null, "", null);
        }
        List<Target> removals = targetRemovalsFor(top);
        boolean any = false;
        for (Target target : rule.targets) {
            if (target.count()) {
                int n = count(target, rule, removals);
                // The name is built by addMatch, only when the count matches.
                any |= evaluateValue(rule, target.variable().name(), target.key(), countText(n), null);
                continue;
            }
            Variable v = target.variable();
            if (!v.isCollection()) {
                if (isExcluded(rule, removals, v, v.name(), null)) {
                    continue;
                }
                String value = scalar(v);
                if (value != null) {
                    any |= evaluateValue(rule, v.name(), null, value, null);
                }
                continue;
            }
            if (v == Variable.TX && target.keyRegex() == null && target.keyLower() != null) {
                // Most CRS rules read one TX key (TX:DETECTION_PARANOIA_LEVEL): a map lookup, not a scan.
                Entry e = tx.get(target.keyLower());
                if (e != null && !isExcluded(rule, removals, v, e.key(), e.keyLower())) {
                    any |= evaluateValue(rule, "TX", e.key(), e.value(), e);
                }
                continue;
            }
            boolean preselected = v == Variable.TX && target.key() != null;
            List<Entry> entries = preselected ? selectedTx(target) : entries(v);
            if (entries.isEmpty()) {
                continue;
            }
            if (v == Variable.MATCHED_VARS || v == Variable.MATCHED_VARS_NAMES) {
                entries = new ArrayList<>(entries);
            }
            Collection screened = null; // the collection whose transformed values mayPassAny has kept
            if (target.key() == null && entries.size() > 1 && !rule.multiMatch && !rule.negated
                    && rule.screenSlots().length > 0) {
                Collection c = collections[v.ordinal()];
                if (c != null && c.entries() == entries) {
                    if (!mayPassAny(rule, c)) {
                        continue; // the literal screen rules out every value of the collection
                    }
                    screened = c;
                }
            }
            boolean mayExclude = rule.hasExclusionFor(v) || touches(removals, v);
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (!preselected && !selects(target, e.key(), e.keyLower())) {
                    continue;
                }
                if (mayExclude && isExcluded(rule, removals, v, e.key(), e.keyLower())) {
                    continue;
                }
                if (screened != null) {
                    // Rule actions may have changed the collection since; then the kept nodes are gone.
                    int nodes = screened.transformedNodes(rule.pipeline, scratch().screens());
                    if (nodes >= 0) {
                        any |= evaluateTransformed(rule, v.name(), e, scratch().node(nodes + i));
                        continue;
                    }
                }
                boolean matchedVars = v == Variable.MATCHED_VARS || v == Variable.MATCHED_VARS_NAMES;
                any |= evaluateValue(rule, matchedVars ? e.key() : v.name(), matchedVars ? null : e.key(), e.value(), e);
            }
        }
        return any;
    }

    /**
     * The TX entries a keyed target selects, collected before any is evaluated: a match's actions may set TX
     * variables, and copying all of TX for every such target cost more than the selection.
     */
    private List<Entry> selectedTx(Target target) {
        List<Entry> out = null;
        for (Entry e : tx.values()) {
            if (selects(target, e.key(), e.keyLower())) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(e);
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Whether some value of the collection, after the rule's transformations, may pass every literal-screen
     * slot of the rule's operator. The union of the values' screen results is computed once per collection and
     * pipeline (until the collection changes); a rule it rules out skips the collection without visiting a
     * value. Only for operators that cannot match a value the screen fails (not negated, not multiMatch).
     */
    private boolean mayPassAny(CompiledRule rule, Collection c) {
        LiteralScreen screen = program.screen();
        ScreenArena arena = scratch().screens();
        TransformPipeline p = rule.pipeline;
        int union = c.union(p, arena);
        int nodes;
        if (union < 0) {
            union = screen.newUnion(arena);
            List<Entry> entries = c.entries();
            Scratch s = scratch();
            nodes = s.allocateNodes(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                ValueNode n = transformed(entries.get(i).node(), p);
                s.node(nodes + i, n);
                screen.addCharacters(arena, union, screened(n));
            }
            c.union(p, union, nodes, program.pipelines(), arena);
        } else {
            nodes = c.transformedNodes(p, arena);
        }
        for (int slot : rule.screenSlots()) {
            int verdict = screen.unionPasses(arena, union, slot);
            if (verdict == LiteralScreen.NEEDS_LITERALS) {
                for (int i = 0; i < c.size(); i++) {
                    ValueNode n = scratch().node(nodes + i);
                    screen.addLiterals(arena, union, screened(n), n.text());
                }
                screen.literalsAdded(arena, union);
                verdict = screen.unionPasses(arena, union, slot);
            }
            if (verdict == LiteralScreen.FAILS) {
                return false;
            }
        }
        return true;
    }

    /** The node after all of the pipeline's transformations. */
    private ValueNode transformed(ValueNode n, TransformPipeline p) {
        int steps = p.steps().length;
        for (int i = 0; i < steps; i++) {
            n = n.then(p, i, program.transformations(), scratch());
        }
        return n;
    }

    /** The node's literal-screen result, scanned on first use. */
    private int screened(ValueNode n) {
        int at = n.screen();
        if (at < 0) {
            at = program.screen().scan(n.text(), scratch().screens());
            n.screen(at);
        }
        return at;
    }

    private static final String[] SMALL_COUNTS = java.util.stream.IntStream.range(0, 256)
            .mapToObj(Integer::toString).toArray(String[]::new);

    /** {@code n} as text, without allocating for the small counts that CRS's {@code &VAR} rules see. */
    private static String countText(int n) {
        return n >= 0 && n < SMALL_COUNTS.length ? SMALL_COUNTS[n] : Integer.toString(n);
    }

    private int count(Target target, CompiledRule rule, List<Target> removals) {
        Variable v = target.variable();
        if (!v.isCollection()) {
            return scalar(v) == null ? 0 : 1;
        }
        int n = 0;
        if (v == Variable.TX && target.keyRegex() == null && target.keyLower() != null) {
            Entry e = tx.get(target.keyLower());
            return e != null && !isExcluded(rule, removals, v, e.key(), e.keyLower()) ? 1 : 0;
        }
        if (v == Variable.TX) {
            for (Entry e : tx.values()) {
                if (selects(target, e.key(), e.keyLower()) && !isExcluded(rule, removals, v, e.key(), e.keyLower())) {
                    n++;
                }
            }
            return n;
        }
        List<Entry> entries = entries(v);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (selects(target, e.key(), e.keyLower()) && !isExcluded(rule, removals, v, e.key(), e.keyLower())) {
                n++;
            }
        }
        return n;
    }

    private boolean isExcluded(CompiledRule rule, List<Target> removals, Variable v, String key, String keyLower) {
        if (rule.exclusions.length == 0 && removals.isEmpty()) {
            return false;
        }
        String lower = keyLower == null ? null : keyLower;
        for (Target x : rule.exclusions) {
            if (x.variable() == v && (x.key() == null || (lower != null && selects(x, key, lower)))) {
                return true;
            }
        }
        for (int i = 0; i < removals.size(); i++) { // indexed: no iterator per checked entry
            Target x = removals.get(i);
            if (x.variable() == v && (x.key() == null || (lower != null && selects(x, key, lower)))) {
                return true;
            }
        }
        return false;
    }

    /** {@link Target#selects}, with a regex selector run on the transaction's reusable matcher. */
    private boolean selects(Target target, String key, String keyLower) {
        KeyRegex regex = target.keyRegex();
        return regex != null ? regex.selects(key, keyLower, matchers) : target.selects(key, keyLower);
    }

    private static boolean touches(List<Target> removals, Variable v) {
        for (int i = 0; i < removals.size(); i++) {
            if (removals.get(i).variable() == v) {
                return true;
            }
        }
        return false;
    }

    private List<Target> targetRemovalsFor(CompiledRule top) {
        if (removedTargets == null) {
            return List.of();
        }
        int index = top.index();
        if (removalsByRule == null) {
            removalsByRule = scratch().removalsByRule(program.ruleCount());
        }
        if (index >= 0 && index < removalsByRule.length) {
            List<Target> cached = removalsByRule[index];
            if (cached == null) {
                cached = collectRemovals(top);
                removalsByRule[index] = cached;
            }
            return cached;
        }
        return collectRemovals(top);
    }

    /**
     * The removals that apply to {@code top}. Rules selected by the same removals (a tag names dozens) share
     * one list: the set is a bit mask over the first 64 removals, which is all a request ever has in practice.
     */
    private List<Target> collectRemovals(CompiledRule top) {
        int count = removedTargets.size();
        if (count <= Long.SIZE) {
            long mask = 0;
            for (int i = 0; i < count; i++) {
                if (removedTargets.get(i).rules().test(top)) {
                    mask |= 1L << i;
                }
            }
            if (mask == 0) {
                return List.of();
            }
            if (removalsByMask == null) {
                removalsByMask = new HashMap<>();
            }
            List<Target> shared = removalsByMask.get(mask);
            if (shared == null) {
                shared = new ArrayList<>(Long.bitCount(mask));
                for (int i = 0; i < count; i++) {
                    if ((mask & (1L << i)) != 0) {
                        shared.add(removedTargets.get(i).target());
                    }
                }
                removalsByMask.put(mask, shared);
            }
            return shared;
        }
        List<Target> out = null;
        for (TargetRemoval r : removedTargets) {
            if (r.rules().test(top)) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(r.target());
            }
        }
        return out == null ? List.of() : out;
    }

    /** Evaluates a collection entry whose value after the rule's (non-multiMatch) pipeline is {@code n}. */
    private boolean evaluateTransformed(CompiledRule rule, String prefix, Entry e, ValueNode n) {
        if (operatorMatches(rule, n) != rule.negated) {
            addMatch(rule, prefix, e.key(), n.text(), e);
            return true;
        }
        return false;
    }

    /** Evaluates one value; its variable name is {@code prefix} or {@code prefix:key}, built only on a match. */
    private boolean evaluateValue(CompiledRule rule, String prefix, String key, String value, Entry owner) {
        TransformPipeline p = rule.pipeline;
        int steps = p.steps().length;
        if (!rule.multiMatch) {
            if (steps == 0 && rule.screenSlots().length == 0) {
                if (rule.operator.evaluate(context, value) != rule.negated) {
                    addMatch(rule, prefix, key, value, owner);
                    return true;
                }
                return false;
            }
            ValueNode n = transformed(node(value, owner), p);
            if (operatorMatches(rule, n) != rule.negated) {
                addMatch(rule, prefix, key, n.text(), owner);
                return true;
            }
            return false;
        }
        boolean any = false;
        ValueNode n = node(value, owner);
        if (operatorMatches(rule, n) != rule.negated) {
            addMatch(rule, prefix, key, value, owner);
            any = true;
        }
        String previous = value;
        for (int step = 0; step < steps; step++) {
            n = n.then(p, step, program.transformations(), scratch());
            String v = n.text();
            if (!v.equals(previous)) {
                if (operatorMatches(rule, n) != rule.negated) {
                    addMatch(rule, prefix, key, v, owner);
                    any = true;
                }
                previous = v;
            }
        }
        return any;
    }

    private Scratch scratch() {
        Scratch s = scratch;
        if (s == null) {
            s = scratchPool.borrow();
            scratch = s;
        }
        return s;
    }

    /** The value's node: the entry's own, else one per distinct string for this transaction. */
    private ValueNode node(String value, Entry owner) {
        if (owner != null) {
            return owner.node();
        }
        ValueNode n = nodes.get(value);
        if (n == null) {
            n = new ValueNode(value);
            nodes.put(value, n);
        }
        return n;
    }

    /**
     * Runs the rule's operator on one value, unless the program's literal screen shows that the value lacks
     * every literal the operator needs: then it cannot match, and the (regex) search is skipped. The screen
     * result is kept on the value's node.
     */
    private boolean operatorMatches(CompiledRule rule, ValueNode n) {
        int[] slots = rule.screenSlots();
        String value = n.text();
        if (slots.length > 0) {
            LiteralScreen screen = program.screen();
            int found = screened(n);
            ScreenArena arena = scratch().screens();
            for (int slot : slots) {
                if (!screen.passes(arena, found, slot, value)) {
                    return false;
                }
            }
        }
        return rule.operator.evaluate(context, value);
    }

    private void addMatch(CompiledRule rule, String prefix, String key, String value, Entry owner) {
        matchedVar = value;
        matchedVarPrefix = prefix;
        matchedVarKey = key;
        matchedVarEntry = owner;
        matchedVarName = null;
        if (matchCount == matchValues.length) {
            int size = matchCount * 2;
            matchPrefixes = Arrays.copyOf(matchPrefixes, size);
            matchKeys = Arrays.copyOf(matchKeys, size);
            matchValues = Arrays.copyOf(matchValues, size);
            matchEntries = Arrays.copyOf(matchEntries, size);
        }
        matchPrefixes[matchCount] = prefix;
        matchKeys[matchCount] = key;
        matchValues[matchCount] = value;
        matchEntries[matchCount] = owner;
        matchCount++;
        matchCollectionsCurrent = false;
        for (Action action : rule.onMatch) {
            action.execute(context);
        }
    }

    private static String variableName(String prefix, String key, Entry owner) {
        if (key == null) {
            return prefix;
        }
        return owner != null && owner.key() == key ? owner.qualifiedName(prefix) : prefix + ":" + key;
    }

    private String matchedVarName() {
        String name = matchedVarName;
        if (name == null && matchedVarPrefix != null) {
            name = variableName(matchedVarPrefix, matchedVarKey, matchedVarEntry);
            matchedVarName = name;
        }
        return name;
    }

    /** MATCHED_VARS or MATCHED_VARS_NAMES, brought up to date with the current rule's matches. */
    private Collection matchCollection(Variable v) {
        if (!matchCollectionsCurrent) {
            matchedVars.clear();
            matchedVarsNames.clear();
            for (int i = 0; i < matchCount; i++) {
                String name = variableName(matchPrefixes[i], matchKeys[i], matchEntries[i]);
                matchedVars.add(name, matchValues[i]);
                matchedVarsNames.add(name, name);
            }
            matchCollectionsCurrent = true;
        }
        return v == Variable.MATCHED_VARS ? matchedVars : matchedVarsNames;
    }

    private void record(CompiledRule rule) {
        String message = rule.message == null ? "" : rule.message.expand(context);
        String data = rule.logData == null ? "" : rule.logData.expand(context);
        if (data.length() > 512) {
            data = data.substring(0, 512);
        }
        boolean disruptive = switch (rule.disruptive) {
            case DENY, DROP, REDIRECT -> true;
            default -> false;
        };
        if (rule.severity != null) {
            int s = severityNumber(rule.severity);
            if (s < highestSeverity) {
                highestSeverity = s;
                set(Variable.HIGHEST_SEVERITY, Integer.toString(s));
            }
        }
        if (rule.log || rule.auditLog) {
            relevant = true;
        }
        String value = matchedVar == null ? "" : matchedVar;
        MatchedRule last = rule.lastMatch; // read once: other threads may replace it
        if (!rule.log && last != null && sameAs(last, disruptive, value, message, data)) {
            matched.add(last);
            return;
        }
        String name = matchedVarName();
        // Only logged rules get an error-log line; the CRS paranoia gates alone match dozens of nolog rules.
        String line = !rule.log ? "" : LogLines.errorLine(rule, mode, disruptive, message, data, name,
                matchedVar, scalar(Variable.SERVER_NAME), scalar(Variable.REQUEST_URI), id);
        MatchedRule m = new MatchedRule(rule.id, rule.phase, message, data, rule.severity == null ? "" : rule.severity,
                rule.tags, rule.version == null ? "" : rule.version, rule.file, rule.line, name == null ? "" : name,
                value, rule.log, rule.auditLog, disruptive, line);
        if (!rule.log && value.length() <= MAX_SHARED_MATCH_VALUE && data.isEmpty()
                && (rule.message == null || !rule.message.hasMacros())) {
            rule.lastMatch = m; // levels, counts and flags only: no request data outlives its request
        }
        matched.add(m);
    }

    /** Whether this match would record what {@code last} records (the rule's constant fields aside). */
    private boolean sameAs(MatchedRule last, boolean disruptive, String value, String message, String data) {
        return last.disruptive() == disruptive && last.matchedValue().equals(value) && last.message().equals(message)
                && last.data().equals(data) && matchedVarNameIs(last.matchedVariable());
    }

    /** Longest matched value whose nolog match record is kept on the rule for reuse (see CompiledRule#lastMatch). */
    private static final int MAX_SHARED_MATCH_VALUE = 16;

    /** Whether MATCHED_VAR_NAME equals {@code name}, without building it. */
    private boolean matchedVarNameIs(String name) {
        if (matchedVarName != null) {
            return matchedVarName.equals(name);
        }
        if (matchedVarPrefix == null) {
            return name.isEmpty();
        }
        if (matchedVarKey == null) {
            return matchedVarPrefix.equals(name);
        }
        int p = matchedVarPrefix.length();
        return name.length() == p + 1 + matchedVarKey.length() && name.startsWith(matchedVarPrefix)
                && name.charAt(p) == ':' && name.startsWith(matchedVarKey, p + 1);
    }

    private static int severityNumber(String s) {
        return switch (s) {
            case "EMERGENCY" -> 0;
            case "ALERT" -> 1;
            case "CRITICAL" -> 2;
            case "ERROR" -> 3;
            case "WARNING" -> 4;
            case "NOTICE" -> 5;
            case "INFO" -> 6;
            default -> 7;
        };
    }

    // ---- variable storage ----------------------------------------------------------------------

    /** A scalar variable's value, for {@link TransactionRequestView}. */
    String scalarValue(Variable v) {
        return scalar(v);
    }

    /** A collection variable's entries, for {@link TransactionRequestView}. */
    List<Entry> entriesOf(Variable v) {
        Collection c = collections[v.ordinal()];
        return c == null ? List.of() : c.entries();
    }

    private void set(Variable v, String value) {
        scalars[v.ordinal()] = value;
    }

    private Collection collection(Variable v) {
        Collection c = collections[v.ordinal()];
        if (c == null) {
            c = new Collection();
            collections[v.ordinal()] = c;
        }
        return c;
    }

    private List<Entry> entries(Variable v) {
        switch (v) {
            case TX -> {
                return new ArrayList<>(tx.values());
            }
            case IP, GLOBAL, SESSION, USER, RESOURCE -> {
                if (persistent == null) {
                    return List.of();
                }
                LinkedHashMap<String, Entry> m = persistent.get(v.name());
                return m == null ? List.of() : new ArrayList<>(m.values());
            }
            case ENV -> {
                if (env == null) {
                    return List.of();
                }
                List<Entry> out = new ArrayList<>();
                env.forEach((k, val) -> out.add(Entry.of(k, val)));
                return out;
            }
            case MATCHED_VARS -> {
                return matchCollection(v).entries();
            }
            case MATCHED_VARS_NAMES -> {
                return matchCollection(v).entries();
            }
            case RULE -> {
                CompiledRule r = currentTopRule;
                if (r == null) {
                    return List.of();
                }
                List<Entry> out = new ArrayList<>();
                out.add(Entry.of("id", Integer.toString(r.id)));
                out.add(Entry.of("phase", Integer.toString(r.phase)));
                if (r.severity != null) {
                    out.add(Entry.of("severity", r.severity));
                }
                if (r.version != null) {
                    out.add(Entry.of("ver", r.version));
                }
                if (r.message != null) {
                    out.add(Entry.of("msg", r.message.source()));
                }
                return out;
            }
            default -> {
                Collection c = collections[v.ordinal()];
                return c == null ? List.of() : c.entries();
            }
        }
    }

    private String scalar(Variable v) {
        switch (v) {
            case MATCHED_VAR -> {
                return matchedVar;
            }
            case MATCHED_VAR_NAME -> {
                return matchedVarName();
            }
            case DURATION -> {
                return Long.toString(durationMicros());
            }
            case TIME, TIME_DAY, TIME_EPOCH, TIME_HOUR, TIME_MIN, TIME_MON, TIME_SEC, TIME_WDAY, TIME_YEAR -> {
                return time(v);
            }
            default -> {
                return scalars[v.ordinal()];
            }
        }
    }

    private String time(Variable v) {
        ZonedDateTime t = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(startMillis), java.time.ZoneId.systemDefault());
        return switch (v) {
            case TIME_EPOCH -> Long.toString(startMillis / 1000);
            case TIME_DAY -> String.format(Locale.ROOT, "%02d", t.getDayOfMonth());
            case TIME_HOUR -> String.format(Locale.ROOT, "%02d", t.getHour());
            case TIME_MIN -> String.format(Locale.ROOT, "%02d", t.getMinute());
            case TIME_MON -> String.format(Locale.ROOT, "%02d", t.getMonthValue() - 1);
            case TIME_SEC -> String.format(Locale.ROOT, "%02d", t.getSecond());
            case TIME_WDAY -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case TIME_YEAR -> Integer.toString(t.getYear());
            default -> String.format(Locale.ROOT, "%02d%02d%02d%02d%02d%02d%02d", t.getYear() / 100,
                    t.getYear() % 100, t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        };
    }

    private LinkedHashMap<String, Entry> writable(String collection) {
        if (collection.equals("TX")) {
            return tx;
        }
        if (persistent == null) {
            persistent = new HashMap<>();
        }
        return persistent.computeIfAbsent(collection, k -> new LinkedHashMap<>());
    }

    /** Per-transaction services for operators, actions and macros. */
    private final class Context implements OperatorContext, ActionContext, MacroString.Resolver, TransactionControl {

        // OperatorContext

        @Override
        public boolean capturing() {
            return currentRule != null && currentRule.capture;
        }

        @Override
        public void capture(int index, String value) {
            String key = countText(index);
            if (value == null) {
                tx.remove(key);
            } else {
                tx.put(key, new Entry(key, key, value));
            }
        }

        @Override
        public String expand(MacroString argument) {
            return argument.expand(this);
        }

        @Override
        public org.safere.Matcher matcher(org.safere.Pattern pattern, String input) {
            return scratch().matcher(pattern, input);
        }

        @Override
        public SqliDetector.Workspace sqliWorkspace() {
            return scratch().sqliWorkspace();
        }

        // MacroString.Resolver

        @Override
        public String resolve(String collection, String key) {
            switch (collection) {
                case "TX" -> {
                    if (key == null) {
                        return null;
                    }
                    Entry e = tx.get(Ascii.lower(key));
                    return e == null ? null : e.value();
                }
                case "IP", "GLOBAL", "SESSION", "USER", "RESOURCE" -> {
                    if (key == null || persistent == null) {
                        return null;
                    }
                    LinkedHashMap<String, Entry> m = persistent.get(collection);
                    Entry e = m == null ? null : m.get(Ascii.lower(key));
                    return e == null ? null : e.value();
                }
                case "ENV" -> {
                    return key == null || env == null ? null : env.get(key);
                }
                default -> {
                }
            }
            Optional<Variable> found = Variable.lookup(collection);
            if (found.isEmpty()) {
                return null;
            }
            Variable v = found.get();
            if (!v.isCollection()) {
                return scalar(v);
            }
            String lower = key == null ? null : Ascii.lower(key);
            for (Entry e : entries(v)) {
                if (lower == null || e.keyLower().equals(lower)) {
                    return e.value();
                }
            }
            return null;
        }

        // ActionContext

        @Override
        public String variable(String collection, String key) {
            Entry e = writable(collection).get(Ascii.lower(key));
            return e == null ? null : e.value();
        }

        @Override
        public void setVariable(String collection, String key, String value) {
            String lower = Ascii.lower(key);
            writable(collection).put(lower, new Entry(key, lower, value));
            if (storedCollections != null) {
                storedCollections.set(collection, lower, value);
            }
        }

        @Override
        public void removeVariable(String collection, String key) {
            String lower = Ascii.lower(key);
            writable(collection).remove(lower);
            if (storedCollections != null) {
                storedCollections.remove(collection, lower);
            }
        }

        @Override
        public void expireVariable(String collection, String key, long seconds) {
            // Within the transaction an expiry only matters when it is immediate; a persistent store
            // applies later ones.
            if (seconds == 0) {
                removeVariable(collection, key);
            } else if (storedCollections != null) {
                storedCollections.expire(collection, Ascii.lower(key), seconds);
            }
        }

        @Override
        public void initCollection(String collection, String key) {
            LinkedHashMap<String, Entry> view = writable(collection);
            if (storedCollections != null) {
                view.clear();
                storedCollections.open(collection, key).forEach((name, value) ->
                        view.put(name, new Entry(name, name, value)));
            }
        }

        @Override
        public void setEnvironment(String name, String value) {
            if (env == null) {
                env = new LinkedHashMap<>();
            }
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        }

        @Override
        public TransactionControl control() {
            return this;
        }

        // TransactionControl

        @Override
        public void ruleEngine(String value) {
            mode = RuleEngineMode.parse(value);
        }

        @Override
        public void removeRules(IntPredicate ids) {
            // A ctl in a rule that matches many values runs once per match: keep one selection per id set.
            if (removedIdSets == null) {
                removedIdSets = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            }
            if (removedIdSets.add(ids)) {
                addRuleRemoval(r -> ids.test(r.id));
            }
        }

        @Override
        public void removeRulesByTag(org.safere.Pattern tag) {
            boolean[] tagged = program.rulesTagged(tag);
            addRuleRemoval(r -> tagged[r.index()]);
        }

        @Override
        public void removeRulesByMessage(org.safere.Pattern message) {
            boolean[] selected = program.rulesWithMessage(message);
            addRuleRemoval(r -> selected[r.index()]);
        }

        private void addRuleRemoval(Predicate<CompiledRule> rules) {
            if (removedRules == null) {
                removedRules = new ArrayList<>();
            }
            removedRules.add(rules); // each selection is a cheap test: an id range or a rule-set-wide tag/msg array
        }

        @Override
        public void removeTarget(IntPredicate ids, TargetRef target) {
            if (removedTargetPairs == null) {
                removedTargetPairs = new java.util.HashSet<>();
            }
            if (removedTargetPairs.add(List.of(ids, target))) {
                addTargetRemoval(r -> ids.test(r.id), target);
            }
        }

        @Override
        public void removeTargetByTag(org.safere.Pattern tag, TargetRef target) {
            boolean[] tagged = program.rulesTagged(tag);
            addTargetRemoval(r -> tagged[r.index()], target);
        }

        @Override
        public void removeTargetByMessage(org.safere.Pattern message, TargetRef target) {
            boolean[] selected = program.rulesWithMessage(message);
            addTargetRemoval(r -> selected[r.index()], target);
        }

        private void addTargetRemoval(Predicate<CompiledRule> rules, TargetRef ref) {
            Optional<Variable> v = Variable.lookup(ref.spec().collection());
            if (v.isEmpty()) {
                return;
            }
            if (removedTargets == null) {
                removedTargets = new ArrayList<>();
            }
            String key = ref.spec().selector();
            Target target = new Target(v.get(), key, key == null ? null : Ascii.lower(key), ref.keyRegex(),
                    ref.spec().count());
            removedTargets.add(new TargetRemoval(rules, target));
            if (removalsByRule != null) {
                Arrays.fill(removalsByRule, null); // the next lookups collect again, with the new removal
            }
        }

        @Override
        public void requestBodyProcessor(String name) {
            bodyProcessorOverride = name;
            set(Variable.REQBODY_PROCESSOR, name);
        }

        @Override
        public void forceRequestBodyVariable(boolean force) {
            forceRequestBodyVariable = force;
        }

        @Override
        public void requestBodyAccess(boolean access) {
            requestBodyAccess = access;
        }

        @Override
        public void requestBodyLimit(long bytes) {
            requestBodyLimit = bytes;
        }

        @Override
        public void responseBodyAccess(boolean access) {
            responseBodyAccess = access;
        }

        @Override
        public void responseBodyLimit(long bytes) {
            responseBodyLimit = bytes;
        }

        @Override
        public void auditEngine(String value) {
            auditEngine = value;
        }

        @Override
        public void auditLogParts(String parts) {
            auditLogParts = parts;
        }
    }
}
