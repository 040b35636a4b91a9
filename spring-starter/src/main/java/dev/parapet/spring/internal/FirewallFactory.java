package dev.parapet.spring.internal;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Protection;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.rulesets.Rulesets;
import dev.parapet.seclang.SecLangException;
import dev.parapet.spring.FirewallCustomizer;
import dev.parapet.spring.ParapetProperties;
import dev.parapet.spring.RulesLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.springframework.util.unit.DataSize;

/**
 * Builds a {@link Firewall} from {@code parapet.*} properties, in this order: engine profile, tuning profiles, the
 * {@code tx.*} settings from the properties, CRS companion and CRS setup, exclusions, Parapet's rules, CRS's rules,
 * engine directives from the properties, extra files, inline directives, then each {@link FirewallCustomizer}.
 */
public final class FirewallFactory implements Supplier<Firewall> {

    /** Source name of the directives generated from properties, as error messages and the endpoint show it. */
    public static final String SETTINGS_SOURCE = "parapet-properties";
    static final String ENGINE_SOURCE = "parapet-properties-engine";
    /** Source name of {@code parapet.rules.directives}. */
    public static final String DIRECTIVES_SOURCE = "parapet.rules.directives";
    private static final String CLASSPATH = "classpath:";

    private final ParapetProperties properties;
    private final Protection protection;
    private final List<FirewallCustomizer> customizers;
    private final ClassLoader classLoader;

    /**
     * @param properties the bound properties
     * @param protection checks before the rules (a traffic guard), or {@code null}
     * @param customizers applied in order after the properties
     * @param classLoader for {@code classpath:} files
     */
    public FirewallFactory(ParapetProperties properties, Protection protection, List<FirewallCustomizer> customizers,
            ClassLoader classLoader) {
        this.properties = properties;
        this.protection = protection;
        this.customizers = List.copyOf(customizers);
        this.classLoader = classLoader;
    }

    /**
     * Builds a firewall.
     *
     * @throws RulesLoadException naming the file and line when the rules cannot be loaded
     */
    @Override
    public Firewall get() {
        try {
            return builder().build();
        } catch (SecLangException e) {
            String where = e.file() == null ? "" : " in " + e.file() + (e.line() > 0 ? " at line " + e.line() : "");
            throw new RulesLoadException("Invalid SecLang" + where + ": " + e.reason(), e.file(), e.line(), e);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new RulesLoadException("Cannot load the Parapet rules: " + e.getMessage(), null, 0, e);
        }
    }

    private Firewall.Builder builder() {
        ParapetProperties.Rules rules = properties.getRules();
        Firewall.Builder b = Firewall.builder();
        ClassLoader bundled = Rulesets.class.getClassLoader();
        if (rules.isEngineProfile()) {
            b.classpath(Rulesets.SETUP, bundled);
        }
        for (Rulesets.Profile p : rules.getProfiles()) {
            b.classpath(p.resource(), bundled);
        }
        // Loaded after the profiles so properties win over them, and before every rule that reads these values.
        String settings = txSettings();
        if (!settings.isEmpty()) {
            b.directives(SETTINGS_SOURCE, settings);
        }
        Rulesets.Builder selection = Rulesets.builder().engineProfile(false).coreRules(rules.isBundled());
        if (rules.getCrsDirectory() != null) {
            Path crs = rules.getCrsDirectory();
            if (!Files.isDirectory(crs)) {
                throw new IllegalArgumentException("parapet.rules.crs-directory " + crs.toAbsolutePath()
                        + " is not a directory");
            }
            selection.crs(crs);
        }
        selection.exclusions(rules.getExclusions().toArray(Rulesets.Exclusions[]::new));
        selection.applyTo(b);
        // Engine directives go after the rule sets, whose setup files (CRS companion) set their own values.
        String engine = engineDirectives();
        if (!engine.isEmpty()) {
            b.directives(ENGINE_SOURCE, engine);
        }
        for (String file : rules.getFiles()) {
            String f = file.strip();
            if (f.startsWith(CLASSPATH)) {
                b.classpath(f.substring(CLASSPATH.length()).replaceFirst("^/+", ""), classLoader);
            } else {
                Path path = Path.of(f);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException("parapet.rules.files: no such file " + path.toAbsolutePath());
                }
                b.file(path);
            }
        }
        if (rules.getDirectives() != null) {
            b.directives(DIRECTIVES_SOURCE, rules.getDirectives());
        }
        if (properties.getMode() != null) {
            b.mode(switch (properties.getMode()) {
                case ON -> RuleEngineMode.ON;
                case DETECTION_ONLY -> RuleEngineMode.DETECTION_ONLY;
                case OFF -> RuleEngineMode.OFF;
            });
        }
        if (protection != null) {
            b.protection(protection);
        }
        for (FirewallCustomizer c : customizers) {
            c.customize(b);
        }
        return b;
    }

    /** A phase-1 action setting the tx.* variables CRS and Parapet's rules read, or "" when none is configured. */
    String txSettings() {
        StringJoiner vars = new StringJoiner(",");
        Integer pl = properties.getParanoiaLevel();
        Integer detection = properties.getDetectionParanoiaLevel();
        if (pl != null) {
            vars.add("setvar:'tx.blocking_paranoia_level=" + pl + "'");
        }
        if (detection != null || pl != null) {
            vars.add("setvar:'tx.detection_paranoia_level=" + (detection != null ? detection : pl) + "'");
        }
        ParapetProperties.Anomaly a = properties.getAnomaly();
        if (a.getInboundThreshold() != null) {
            vars.add("setvar:'tx.inbound_anomaly_score_threshold=" + a.getInboundThreshold() + "'");
        }
        if (a.getOutboundThreshold() != null) {
            vars.add("setvar:'tx.outbound_anomaly_score_threshold=" + a.getOutboundThreshold() + "'");
        }
        if (vars.length() == 0) {
            return "";
        }
        return "SecAction \"id:449900,phase:1,pass,nolog,tag:'PARAPET',tag:'PARAPET/SPRING-PROPERTIES'," + vars + "\"\n";
    }

    /** Sec* engine directives for the configured body limits, or "". */
    String engineDirectives() {
        StringBuilder s = new StringBuilder();
        ParapetProperties.RequestBody req = properties.getRequestBody();
        ParapetProperties.ResponseBody res = properties.getResponseBody();
        line(s, "SecRequestBodyLimit", req.getLimit());
        line(s, "SecRequestBodyNoFilesLimit", req.getNoFilesLimit());
        if (res.getInspect() != null) {
            s.append("SecResponseBodyAccess ").append(res.getInspect() ? "On" : "Off").append('\n');
        }
        line(s, "SecResponseBodyLimit", res.getLimit());
        return s.toString();
    }

    private static void line(StringBuilder s, String directive, DataSize size) {
        if (size != null) {
            s.append(directive).append(' ').append(size.toBytes()).append('\n');
        }
    }
}
