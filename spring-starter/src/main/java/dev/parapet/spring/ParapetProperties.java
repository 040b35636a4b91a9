package dev.parapet.spring;

import dev.parapet.audit.AuditPolicy;
import dev.parapet.ip.ClientIpResolver;
import dev.parapet.rulesets.Rulesets;
import dev.parapet.spring.internal.RateKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Parapet firewall under the prefix parapet. Validates itself when bound, so a bad
 * value stops the application with the property's name and the reason.
 */
@ConfigurationProperties("parapet")
public class ParapetProperties implements Validator {

    /**
     * Default filter order: after Spring's CharacterEncodingFilter and the HTTP observation filter, before the
     * filters that read the body (HiddenHttpMethodFilter at -10000, FormContentFilter at -9900) and long before
     * Spring Security's filter chain (-100), so attacks are stopped before any authentication work.
     */
    public static final int DEFAULT_FILTER_ORDER = -10500;

    /** The engine modes a property can choose. */
    public enum Mode {
        /** Rules run and blocking rules stop requests. */
        ON,
        /** Rules run and log what they would have blocked; nothing is blocked. */
        DETECTION_ONLY,
        /** No rule runs; the filter passes every request on. */
        OFF
    }

    /** Where audit events and ModSecurity-style error lines go. */
    public enum AuditDestination {
        /** The SLF4J loggers parapet.audit and parapet.audit.error. */
        SLF4J,
        /** JSON lines to parapet.audit.file, error lines to parapet.audit.error-file. */
        FILE,
        /** Nowhere. */
        NONE
    }

    /** Whether to protect the application with Parapet. */
    private boolean enabled = true;

    /** Rule engine mode, overriding SecRuleEngine from the rules: on, detection-only or off. Default: the rules' own (On for the bundled rules). */
    private Mode mode;

    /** Blocking paranoia level (1-4) for Parapet's rules and CRS (tx.blocking_paranoia_level). Default: the rules' own (1). */
    private Integer paranoiaLevel;

    /** Detection paranoia level (1-4, at least the blocking one): rules up to it run and log without adding to the blocking score. Default: the blocking level. */
    private Integer detectionParanoiaLevel;

    /** Order of the servlet filter; the default runs it before body-reading filters and Spring Security. */
    private int filterOrder = DEFAULT_FILTER_ORDER;

    /** Blocked exchanges kept for the Actuator endpoint. */
    private int recentBlocks = 50;

    private final Rules rules = new Rules();
    private final Anomaly anomaly = new Anomaly();
    private final RequestBody requestBody = new RequestBody();
    private final ResponseBody responseBody = new ResponseBody();
    private final ClientIp clientIp = new ClientIp();
    private final RateLimit rateLimit = new RateLimit();
    private final IpSets ipSets = new IpSets();
    private final Bans bans = new Bans();
    private final Audit audit = new Audit();
    private final UrlPatterns urlPatterns = new UrlPatterns();
    private final Metrics metrics = new Metrics();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Integer getParanoiaLevel() {
        return paranoiaLevel;
    }

    public void setParanoiaLevel(Integer paranoiaLevel) {
        this.paranoiaLevel = paranoiaLevel;
    }

    public Integer getDetectionParanoiaLevel() {
        return detectionParanoiaLevel;
    }

    public void setDetectionParanoiaLevel(Integer detectionParanoiaLevel) {
        this.detectionParanoiaLevel = detectionParanoiaLevel;
    }

    public int getFilterOrder() {
        return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }

    public int getRecentBlocks() {
        return recentBlocks;
    }

    public void setRecentBlocks(int recentBlocks) {
        this.recentBlocks = recentBlocks;
    }

    public Rules getRules() {
        return rules;
    }

    public Anomaly getAnomaly() {
        return anomaly;
    }

    public RequestBody getRequestBody() {
        return requestBody;
    }

    public ResponseBody getResponseBody() {
        return responseBody;
    }

    public ClientIp getClientIp() {
        return clientIp;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public IpSets getIpSets() {
        return ipSets;
    }

    public Bans getBans() {
        return bans;
    }

    public Audit getAudit() {
        return audit;
    }

    public UrlPatterns getUrlPatterns() {
        return urlPatterns;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** Which rules to load. */
    public static class Rules {

        /** Whether to load Parapet's bundled core rules (ids 440100-441999). */
        private boolean bundled = true;

        /** Whether to load Parapet's engine profile (body access, limits, body processors) first. */
        private boolean engineProfile = true;

        /** Bundled tuning profiles to load: detection-only, json-api, strict. */
        private List<Rulesets.Profile> profiles = new ArrayList<>();

        /** Bundled rule exclusions to load: spring-boot-actuator, spring-security-login, keycloak, graphql. */
        private List<Rulesets.Exclusions> exclusions = new ArrayList<>();

        /** An OWASP CRS 4 directory (with crs-setup.conf or crs-setup.conf.example and rules/) to load after Parapet's rules. */
        private Path crsDirectory;

        /** Extra SecLang files loaded after the rules above: file paths, or classpath:name (a glob in the last segment loads every match). */
        private List<String> files = new ArrayList<>();

        /** Inline SecLang directives loaded last, e.g. SecRuleRemoveById 920350. */
        private String directives;

        public boolean isBundled() {
            return bundled;
        }

        public void setBundled(boolean bundled) {
            this.bundled = bundled;
        }

        public boolean isEngineProfile() {
            return engineProfile;
        }

        public void setEngineProfile(boolean engineProfile) {
            this.engineProfile = engineProfile;
        }

        public List<Rulesets.Profile> getProfiles() {
            return profiles;
        }

        public void setProfiles(List<Rulesets.Profile> profiles) {
            this.profiles = profiles;
        }

        public List<Rulesets.Exclusions> getExclusions() {
            return exclusions;
        }

        public void setExclusions(List<Rulesets.Exclusions> exclusions) {
            this.exclusions = exclusions;
        }

        public Path getCrsDirectory() {
            return crsDirectory;
        }

        public void setCrsDirectory(Path crsDirectory) {
            this.crsDirectory = crsDirectory;
        }

        public List<String> getFiles() {
            return files;
        }

        public void setFiles(List<String> files) {
            this.files = files;
        }

        public String getDirectives() {
            return directives;
        }

        public void setDirectives(String directives) {
            this.directives = directives;
        }
    }

    /** Anomaly scoring thresholds (CRS and Parapet's rules read the same variables). */
    public static class Anomaly {

        /** Inbound anomaly score at which a request is blocked (tx.inbound_anomaly_score_threshold). Default: the rules' own (5). */
        private Integer inboundThreshold;

        /** Outbound anomaly score at which a response is blocked (tx.outbound_anomaly_score_threshold, CRS only). Default: the rules' own (4). */
        private Integer outboundThreshold;

        public Integer getInboundThreshold() {
            return inboundThreshold;
        }

        public void setInboundThreshold(Integer inboundThreshold) {
            this.inboundThreshold = inboundThreshold;
        }

        public Integer getOutboundThreshold() {
            return outboundThreshold;
        }

        public void setOutboundThreshold(Integer outboundThreshold) {
            this.outboundThreshold = outboundThreshold;
        }
    }

    /** Request body inspection. */
    public static class RequestBody {

        /** Largest request body inspected, files included (SecRequestBodyLimit). Default: the rules' own (13MB). */
        private DataSize limit;

        /** Largest request body without files inspected (SecRequestBodyNoFilesLimit). Default: the rules' own (128KB). */
        private DataSize noFilesLimit;

        public DataSize getLimit() {
            return limit;
        }

        public void setLimit(DataSize limit) {
            this.limit = limit;
        }

        public DataSize getNoFilesLimit() {
            return noFilesLimit;
        }

        public void setNoFilesLimit(DataSize noFilesLimit) {
            this.noFilesLimit = noFilesLimit;
        }
    }

    /** Response body inspection. */
    public static class ResponseBody {

        /** Whether response bodies are inspected (SecResponseBodyAccess). Default: the rules' own (off for the bundled rules, on with CRS). */
        private Boolean inspect;

        /** Largest response body inspected (SecResponseBodyLimit). Default: the rules' own (512KB). */
        private DataSize limit;

        public Boolean getInspect() {
            return inspect;
        }

        public void setInspect(Boolean inspect) {
            this.inspect = inspect;
        }

        public DataSize getLimit() {
            return limit;
        }

        public void setLimit(DataSize limit) {
            this.limit = limit;
        }
    }

    /** How the client address is found, for IP sets, bans and rate limits. */
    public static class ClientIp {

        /** Proxies (addresses or CIDR networks) whose forwarding header is believed; none by default: the peer is the client. */
        private List<String> trustedProxies = new ArrayList<>();

        /** Header trusted proxies set: x-forwarded-for or forwarded. */
        private ClientIpResolver.Header header = ClientIpResolver.Header.X_FORWARDED_FOR;

        public List<String> getTrustedProxies() {
            return trustedProxies;
        }

        public void setTrustedProxies(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        public ClientIpResolver.Header getHeader() {
            return header;
        }

        public void setHeader(ClientIpResolver.Header header) {
            this.header = header;
        }
    }

    /** Rate limits: named configs to share settings, and the instances that run. */
    public static class RateLimit {

        /** Reusable settings by name; the config named "default" is the base of every instance without base-config. */
        private Map<String, RateLimitSpec> configs = new LinkedHashMap<>();

        /** The rate limits in force, by name (checked in the order given); unset settings come from the base config. */
        private Map<String, RateLimitSpec> instances = new LinkedHashMap<>();

        public Map<String, RateLimitSpec> getConfigs() {
            return configs;
        }

        public void setConfigs(Map<String, RateLimitSpec> configs) {
            this.configs = configs;
        }

        public Map<String, RateLimitSpec> getInstances() {
            return instances;
        }

        public void setInstances(Map<String, RateLimitSpec> instances) {
            this.instances = instances;
        }

        /**
         * The settings of instance name with unset values taken from its base config, or from the config
         * named default when it names none.
         */
        public RateLimitSpec resolve(String name) {
            RateLimitSpec spec = instances.get(name);
            if (spec == null) {
                throw new IllegalArgumentException("no rate-limit instance named " + name);
            }
            RateLimitSpec base = configs.get(spec.baseConfig != null ? spec.baseConfig : "default");
            if (base == null) {
                return spec;
            }
            RateLimitSpec m = new RateLimitSpec();
            m.limit = spec.limit != null ? spec.limit : base.limit;
            m.period = spec.period != null ? spec.period : base.period;
            m.fixedWindow = spec.fixedWindow != null ? spec.fixedWindow : base.fixedWindow;
            m.key = spec.key != null ? spec.key : base.key;
            m.methods = spec.methods != null ? spec.methods : base.methods;
            m.pathPrefixes = spec.pathPrefixes != null ? spec.pathPrefixes : base.pathPrefixes;
            m.cost = spec.cost != null ? spec.cost : base.cost;
            return m;
        }
    }

    /** One rate limit (or a config for several); unset values are inherited from the base config. */
    public static class RateLimitSpec {

        /** Name of the config this one inherits from ("default" when unset and such a config exists). */
        private String baseConfig;

        /** Requests allowed per period. */
        private Long limit;

        /** The period of the limit, e.g. 1m. */
        private Duration period;

        /** Whether tokens return all at once at the end of each period (a fixed window) rather than continuously. */
        private Boolean fixedWindow;

        /** What requests count together: client-ip, peer-ip, path, method, query-string, principal, constant, header:NAME, cookie:NAME, query-arg:NAME; several combine. Default: client-ip. */
        private List<String> key;

        /** Only requests with these methods count (default: all methods). */
        private List<String> methods;

        /** Only requests whose path starts with one of these count (default: all paths). */
        private List<String> pathPrefixes;

        /** Tokens one request takes (default 1). */
        private Long cost;

        public String getBaseConfig() {
            return baseConfig;
        }

        public void setBaseConfig(String baseConfig) {
            this.baseConfig = baseConfig;
        }

        public Long getLimit() {
            return limit;
        }

        public void setLimit(Long limit) {
            this.limit = limit;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }

        public Boolean getFixedWindow() {
            return fixedWindow;
        }

        public void setFixedWindow(Boolean fixedWindow) {
            this.fixedWindow = fixedWindow;
        }

        public List<String> getKey() {
            return key;
        }

        public void setKey(List<String> key) {
            this.key = key;
        }

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public List<String> getPathPrefixes() {
            return pathPrefixes;
        }

        public void setPathPrefixes(List<String> pathPrefixes) {
            this.pathPrefixes = pathPrefixes;
        }

        public Long getCost() {
            return cost;
        }

        public void setCost(Long cost) {
            this.cost = cost;
        }
    }

    /** Allow and deny lists of addresses, checked before everything else. */
    public static class IpSets {

        /** Addresses or CIDR networks never banned or rate limited (the rules still run). */
        private List<String> allow = new ArrayList<>();

        /** Addresses or CIDR networks refused with 403. */
        private List<String> deny = new ArrayList<>();

        /** Files of allowed networks, one per line (# comments allowed). */
        private List<Path> allowFiles = new ArrayList<>();

        /** Files of denied networks, one per line (# comments allowed), e.g. a FireHOL or Spamhaus DROP list. */
        private List<Path> denyFiles = new ArrayList<>();

        /** How often the list files are read again (0 or unset: only at startup). */
        private Duration reloadInterval;

        public List<String> getAllow() {
            return allow;
        }

        public void setAllow(List<String> allow) {
            this.allow = allow;
        }

        public List<String> getDeny() {
            return deny;
        }

        public void setDeny(List<String> deny) {
            this.deny = deny;
        }

        public List<Path> getAllowFiles() {
            return allowFiles;
        }

        public void setAllowFiles(List<Path> allowFiles) {
            this.allowFiles = allowFiles;
        }

        public List<Path> getDenyFiles() {
            return denyFiles;
        }

        public void setDenyFiles(List<Path> denyFiles) {
            this.denyFiles = denyFiles;
        }

        public Duration getReloadInterval() {
            return reloadInterval;
        }

        public void setReloadInterval(Duration reloadInterval) {
            this.reloadInterval = reloadInterval;
        }

        /** Whether any list is configured. */
        public boolean isConfigured() {
            return !allow.isEmpty() || !deny.isEmpty() || !allowFiles.isEmpty() || !denyFiles.isEmpty();
        }
    }

    /** Automatic bans of clients that keep getting blocked; off unless a threshold is set. */
    public static class Bans {

        /** Ban a client after this many blocked requests within block-window (0: do not count blocks). */
        private int afterBlocks;

        /** The window for after-blocks. */
        private Duration blockWindow = Duration.ofMinutes(1);

        /** Ban a client whose inbound anomaly scores add up to this within score-window (0: do not count scores). */
        private long afterAnomalyScore;

        /** The window for after-anomaly-score. */
        private Duration scoreWindow = Duration.ofMinutes(10);

        /** The first ban's length. */
        private Duration duration = Duration.ofMinutes(10);

        /** How much longer each repeat ban lasts (1: always the same). */
        private double escalation = 2.0;

        /** The longest ban. */
        private Duration maxDuration = Duration.ofDays(1);

        /** Whether rate-limit throttles (429) count as blocks. */
        private boolean countThrottled = true;

        public int getAfterBlocks() {
            return afterBlocks;
        }

        public void setAfterBlocks(int afterBlocks) {
            this.afterBlocks = afterBlocks;
        }

        public Duration getBlockWindow() {
            return blockWindow;
        }

        public void setBlockWindow(Duration blockWindow) {
            this.blockWindow = blockWindow;
        }

        public long getAfterAnomalyScore() {
            return afterAnomalyScore;
        }

        public void setAfterAnomalyScore(long afterAnomalyScore) {
            this.afterAnomalyScore = afterAnomalyScore;
        }

        public Duration getScoreWindow() {
            return scoreWindow;
        }

        public void setScoreWindow(Duration scoreWindow) {
            this.scoreWindow = scoreWindow;
        }

        public Duration getDuration() {
            return duration;
        }

        public void setDuration(Duration duration) {
            this.duration = duration;
        }

        public double getEscalation() {
            return escalation;
        }

        public void setEscalation(double escalation) {
            this.escalation = escalation;
        }

        public Duration getMaxDuration() {
            return maxDuration;
        }

        public void setMaxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
        }

        public boolean isCountThrottled() {
            return countThrottled;
        }

        public void setCountThrottled(boolean countThrottled) {
            this.countThrottled = countThrottled;
        }

        /** Whether automatic bans are on. */
        public boolean isConfigured() {
            return afterBlocks > 0 || afterAnomalyScore > 0;
        }
    }

    /** The audit log. */
    public static class Audit {

        /** Where audit events go: slf4j, file or none. */
        private AuditDestination destination = AuditDestination.SLF4J;

        /** The JSON-lines audit file, for destination file. */
        private Path file;

        /** The ModSecurity-style error log file, for destination file (optional). */
        private Path errorFile;

        /** Which transactions get a JSON event: relevant (as SecAuditEngine says), all or off. */
        private AuditPolicy policy = AuditPolicy.RELEVANT;

        public AuditDestination getDestination() {
            return destination;
        }

        public void setDestination(AuditDestination destination) {
            this.destination = destination;
        }

        public Path getFile() {
            return file;
        }

        public void setFile(Path file) {
            this.file = file;
        }

        public Path getErrorFile() {
            return errorFile;
        }

        public void setErrorFile(Path errorFile) {
            this.errorFile = errorFile;
        }

        public AuditPolicy getPolicy() {
            return policy;
        }

        public void setPolicy(AuditPolicy policy) {
            this.policy = policy;
        }
    }

    /** Which requests the filter sees. */
    public static class UrlPatterns {

        /** Servlet URL patterns the filter is mapped to. */
        private List<String> include = new ArrayList<>(List.of("/*"));

        /** Ant-style path patterns (within the application, e.g. /actuator/health/**) passed on without inspection. */
        private List<String> exclude = new ArrayList<>();

        public List<String> getInclude() {
            return include;
        }

        public void setInclude(List<String> include) {
            this.include = include;
        }

        public List<String> getExclude() {
            return exclude;
        }

        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }
    }

    /** Micrometer metrics. */
    public static class Metrics {

        /** Distinct rule ids used as tag values; further rules are counted under rule=other, so tag cardinality stays bounded. */
        private int maxRuleTags = 100;

        public int getMaxRuleTags() {
            return maxRuleTags;
        }

        public void setMaxRuleTags(int maxRuleTags) {
            this.maxRuleTags = maxRuleTags;
        }
    }

    // ---- validation ------------------------------------------------------------------------------

    @Override
    public boolean supports(Class<?> type) {
        return ParapetProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ParapetProperties p = (ParapetProperties) target;
        level(errors, "paranoiaLevel", p.paranoiaLevel);
        level(errors, "detectionParanoiaLevel", p.detectionParanoiaLevel);
        if (p.paranoiaLevel != null && p.detectionParanoiaLevel != null
                && p.detectionParanoiaLevel < p.paranoiaLevel) {
            errors.rejectValue("detectionParanoiaLevel", "parapet.range",
                    "must not be below paranoia-level (" + p.paranoiaLevel + ")");
        }
        if (p.recentBlocks < 0) {
            errors.rejectValue("recentBlocks", "parapet.range", "must be 0 or more");
        }
        positive(errors, "anomaly.inboundThreshold", p.anomaly.inboundThreshold);
        positive(errors, "anomaly.outboundThreshold", p.anomaly.outboundThreshold);
        positive(errors, "requestBody.limit", p.requestBody.limit);
        positive(errors, "requestBody.noFilesLimit", p.requestBody.noFilesLimit);
        positive(errors, "responseBody.limit", p.responseBody.limit);
        if (p.rules.directives != null && p.rules.directives.isBlank()) {
            errors.rejectValue("rules.directives", "parapet.blank", "must not be blank when set");
        }
        for (int i = 0; i < p.rules.files.size(); i++) {
            String f = p.rules.files.get(i);
            if (f == null || f.isBlank() || f.strip().equals("classpath:")) {
                errors.rejectValue("rules.files[" + i + "]", "parapet.blank", "must name a file or classpath resource");
            }
        }
        for (int i = 0; i < p.urlPatterns.include.size(); i++) {
            String pattern = p.urlPatterns.include.get(i);
            if (pattern == null || !(pattern.startsWith("/") || pattern.startsWith("*."))) {
                errors.rejectValue("urlPatterns.include[" + i + "]", "parapet.pattern",
                        "must be a servlet URL pattern such as /* or /api/* or *.do");
            }
        }
        for (int i = 0; i < p.urlPatterns.exclude.size(); i++) {
            String pattern = p.urlPatterns.exclude.get(i);
            if (pattern == null || !pattern.startsWith("/")) {
                errors.rejectValue("urlPatterns.exclude[" + i + "]", "parapet.pattern",
                        "must be a path pattern starting with /, e.g. /actuator/health/**");
            }
        }
        if (p.metrics.maxRuleTags < 0) {
            errors.rejectValue("metrics.maxRuleTags", "parapet.range", "must be 0 or more");
        }
        if (p.audit.destination == AuditDestination.FILE && p.audit.file == null && p.audit.errorFile == null) {
            errors.rejectValue("audit.file", "parapet.required", "is required when audit.destination is file");
        }
        validateRateLimits(p.rateLimit, errors);
        validateBans(p.bans, errors);
    }

    private static void validateRateLimits(RateLimit r, Errors errors) {
        r.configs.forEach((name, spec) -> {
            if (spec.baseConfig != null) {
                errors.rejectValue("rateLimit.configs[" + name + "].baseConfig", "parapet.unsupported",
                        "configs cannot inherit; only instances have a base-config");
            }
            validateSpec("rateLimit.configs[" + name + "]", spec, errors);
        });
        r.instances.forEach((name, spec) -> {
            String path = "rateLimit.instances[" + name + "]";
            if (name.isEmpty() || name.indexOf(':') >= 0) {
                errors.rejectValue(path, "parapet.name", "a rate limit name must be non-empty and without ':'");
                return;
            }
            if (spec.baseConfig != null && !r.configs.containsKey(spec.baseConfig)) {
                errors.rejectValue(path + ".baseConfig", "parapet.unknown",
                        "no rate-limit config named '" + spec.baseConfig + "' (known: " + r.configs.keySet() + ")");
                return;
            }
            validateSpec(path, spec, errors);
            RateLimitSpec merged = r.resolve(name);
            if (merged.limit == null) {
                errors.rejectValue(path + ".limit", "parapet.required", "is required (here or in the base config)");
            }
            if (merged.period == null) {
                errors.rejectValue(path + ".period", "parapet.required", "is required (here or in the base config)");
            }
        });
    }

    private static void validateSpec(String path, RateLimitSpec spec, Errors errors) {
        positive(errors, path + ".limit", spec.limit);
        positive(errors, path + ".cost", spec.cost);
        if (spec.period != null && (spec.period.isZero() || spec.period.isNegative())) {
            errors.rejectValue(path + ".period", "parapet.range", "must be positive");
        }
        if (spec.key != null) {
            for (int i = 0; i < spec.key.size(); i++) {
                String problem = RateKeys.problem(spec.key.get(i));
                if (problem != null) {
                    errors.rejectValue(path + ".key[" + i + "]", "parapet.key", problem);
                }
            }
        }
    }

    private static void validateBans(Bans b, Errors errors) {
        if (b.afterBlocks < 0) {
            errors.rejectValue("bans.afterBlocks", "parapet.range", "must be 0 or more");
        }
        if (b.afterAnomalyScore < 0) {
            errors.rejectValue("bans.afterAnomalyScore", "parapet.range", "must be 0 or more");
        }
        for (String field : List.of("blockWindow", "scoreWindow", "duration", "maxDuration")) {
            Duration d = switch (field) {
                case "blockWindow" -> b.blockWindow;
                case "scoreWindow" -> b.scoreWindow;
                case "duration" -> b.duration;
                default -> b.maxDuration;
            };
            if (d == null || d.isZero() || d.isNegative()) {
                errors.rejectValue("bans." + field, "parapet.range", "must be positive");
            }
        }
        if (b.duration != null && b.maxDuration != null && b.maxDuration.compareTo(b.duration) < 0) {
            errors.rejectValue("bans.maxDuration", "parapet.range", "must be at least bans.duration");
        }
        if (!(b.escalation >= 1.0) || Double.isInfinite(b.escalation)) {
            errors.rejectValue("bans.escalation", "parapet.range", "must be a finite factor of 1 or more");
        }
    }

    private static void level(Errors errors, String field, Integer value) {
        if (value != null && (value < 1 || value > 4)) {
            errors.rejectValue(field, "parapet.range", "must be between 1 and 4");
        }
    }

    private static void positive(Errors errors, String field, Number value) {
        if (value != null && value.longValue() <= 0) {
            errors.rejectValue(field, "parapet.range", "must be positive");
        }
    }

    private static void positive(Errors errors, String field, DataSize value) {
        if (value != null && value.toBytes() <= 0) {
            errors.rejectValue(field, "parapet.range", "must be positive");
        }
    }
}
