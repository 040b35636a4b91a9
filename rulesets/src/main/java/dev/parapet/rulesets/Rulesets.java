package dev.parapet.rulesets;

import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Parapet's bundled SecLang rule sets, loaded from the classpath in one call.
 *
 * <pre>{@code
 * // Engine profile + Parapet core rules (paranoia level 1, blocking at score 5):
 * Firewall firewall = Rulesets.parapet().build();
 *
 * // With a profile, exclusions and CRS loaded next to the bundled rules:
 * Firewall firewall = Rulesets.builder()
 *     .profile(Rulesets.Profile.JSON_API)
 *     .exclusions(Rulesets.Exclusions.SPRING_BOOT_ACTUATOR, Rulesets.Exclusions.KEYCLOAK)
 *     .crs(Path.of("/opt/coreruleset-4.28.0"))
 *     .applyTo(Firewall.builder())
 *     .directives("local", "SecRuleRemoveById 441010")
 *     .build();
 * }</pre>
 *
 * <p>The same files can be included from SecLang: {@code Include classpath:dev/parapet/rulesets/parapet.conf}.
 * Directives added to the {@link Firewall.Builder} after {@link Builder#applyTo} come after the bundled rules,
 * so {@code SecRuleRemoveById} and {@code SecRuleUpdateTargetById} there apply to them.
 */
public final class Rulesets {

    /** The classpath directory of the bundled files. */
    public static final String BASE = "dev/parapet/rulesets/";
    /** The engine profile: body access and limits, body processors by Content-Type, strict body checks. */
    public static final String SETUP = BASE + "parapet-setup.conf";
    /** Parapet's core rules (ids 440100-441999), with their own anomaly scoring and blocking evaluation. */
    public static final String RULES = BASE + "parapet-rules.conf";
    /** {@link #SETUP} followed by {@link #RULES}. */
    public static final String DEFAULT = BASE + "parapet.conf";
    /** CRS settings for running CRS next to Parapet (paranoia level, thresholds, methods, content types). */
    public static final String CRS_COMPANION = BASE + "crs/crs-companion.conf";

    private static final ClassLoader LOADER = Rulesets.class.getClassLoader();

    private Rulesets() {
    }

    /** A firewall builder with the engine profile and Parapet's core rules: protection on day one. */
    public static Firewall.Builder parapet() {
        return builder().applyTo(Firewall.builder());
    }

    /** Adds the engine profile and Parapet's core rules to {@code firewall}. */
    public static Firewall.Builder applyTo(Firewall.Builder firewall) {
        return builder().applyTo(firewall);
    }

    /** Starts a selection of bundled files: profiles, exclusions and optionally CRS. */
    public static Builder builder() {
        return new Builder();
    }

    /** Tuning profiles; each is loaded after the engine profile and before the rules. */
    public enum Profile {
        /** Log everything, block nothing; also runs paranoia level 2 rules for the record. */
        DETECTION_ONLY("profiles/detection-only.conf"),
        /** JSON APIs: every body parsed as JSON, other body types refused with 415, tighter depth limit. */
        JSON_API("profiles/json-api.conf"),
        /** Paranoia level 2 for detection and blocking, early blocking, smaller body limits. */
        STRICT("profiles/strict.conf");

        private final String resource;

        Profile(String file) {
            this.resource = BASE + file;
        }

        /** The classpath resource name. */
        public String resource() {
            return resource;
        }
    }

    /** Rule exclusions for common Java stacks; examples to copy as much as files to load. */
    public enum Exclusions {
        /** {@code /actuator/env} property values and health probes. */
        SPRING_BOOT_ACTUATOR("exclusions/spring-boot-actuator.conf"),
        /** Password fields of {@code /login} and similar forms, the OAuth 2 login callback. */
        SPRING_SECURITY_LOGIN("exclusions/spring-security-login.conf"),
        /** OpenID Connect redirect URIs, login forms and the admin API's client URLs. */
        KEYCLOAK("exclusions/keycloak.conf"),
        /** The query document of {@code /graphql} requests (variables stay inspected). */
        GRAPHQL("exclusions/graphql.conf");

        private final String resource;

        Exclusions(String file) {
            this.resource = BASE + file;
        }

        /** The classpath resource name. */
        public String resource() {
            return resource;
        }
    }

    /** Chooses bundled files and adds them to a {@link Firewall.Builder} in the right order. Not thread-safe. */
    public static final class Builder {

        private final List<Profile> profiles = new ArrayList<>();
        private final List<Exclusions> exclusions = new ArrayList<>();
        private boolean engineProfile = true;
        private boolean coreRules = true;
        private Path crsDirectory;

        private Builder() {
        }

        /** Adds tuning profiles, in order. */
        public Builder profile(Profile... chosen) {
            for (Profile p : chosen) {
                profiles.add(Objects.requireNonNull(p, "profile"));
            }
            return this;
        }

        /** Adds exclusion files, in order. */
        public Builder exclusions(Exclusions... chosen) {
            for (Exclusions e : chosen) {
                exclusions.add(Objects.requireNonNull(e, "exclusions"));
            }
            return this;
        }

        /** Whether to load {@link #SETUP} (default: yes); turn off to keep engine settings of your own. */
        public Builder engineProfile(boolean load) {
            this.engineProfile = load;
            return this;
        }

        /** Whether to load Parapet's core rules (default: yes); turn off to run only CRS with the profiles. */
        public Builder coreRules(boolean load) {
            this.coreRules = load;
            return this;
        }

        /**
         * Loads OWASP CRS from {@code directory} next to the bundled rules: {@link #CRS_COMPANION}, then
         * {@code crs-setup.conf} (or {@code crs-setup.conf.example} when there is none), then every
         * {@code rules/*.conf} in name order after Parapet's rules.
         */
        public Builder crs(Path directory) {
            this.crsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Adds the chosen files to {@code firewall}: engine profile, profiles, CRS companion and CRS setup,
         * exclusions, Parapet's rules, CRS's rules.
         *
         * @throws IllegalArgumentException when the CRS directory has no setup file or no rules
         */
        public Firewall.Builder applyTo(Firewall.Builder firewall) {
            Objects.requireNonNull(firewall, "firewall");
            List<Path> crsRules = crsDirectory == null ? List.of() : crsRuleFiles(crsDirectory);
            if (engineProfile) {
                firewall.classpath(SETUP, LOADER);
            }
            for (Profile p : profiles) {
                firewall.classpath(p.resource(), LOADER);
            }
            if (crsDirectory != null) {
                firewall.classpath(CRS_COMPANION, LOADER);
                firewall.file(crsSetup(crsDirectory));
            }
            for (Exclusions e : exclusions) {
                firewall.classpath(e.resource(), LOADER);
            }
            if (coreRules) {
                firewall.classpath(RULES, LOADER);
            }
            for (Path rules : crsRules) {
                firewall.file(rules);
            }
            return firewall;
        }

        /** {@code applyTo(Firewall.builder()).build()}. */
        public Firewall build() {
            return applyTo(Firewall.builder()).build();
        }

        private static Path crsSetup(Path crs) {
            Path setup = crs.resolve("crs-setup.conf");
            if (Files.isRegularFile(setup)) {
                return setup;
            }
            Path example = crs.resolve("crs-setup.conf.example");
            if (Files.isRegularFile(example)) {
                return example;
            }
            throw new IllegalArgumentException("no crs-setup.conf or crs-setup.conf.example in " + crs);
        }

        private static List<Path> crsRuleFiles(Path crs) {
            Path dir = crs.resolve("rules");
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a CRS directory (no rules/): " + crs);
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> rules = files.filter(p -> p.getFileName().toString().endsWith(".conf"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (rules.isEmpty()) {
                    throw new IllegalArgumentException("no rules/*.conf in " + crs);
                }
                return rules;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
    }
}
