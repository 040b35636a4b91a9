package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import dev.parapet.rulesets.Rulesets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule sets the engine benchmarks run, selected with JMH's {@code -p ruleset=NAME}.
 *
 * <p>Every fixture loads {@link #BASE_CONFIG} first (ModSecurity's recommended engine settings in blocking
 * mode, shared with the end-to-end comparison), then its rules. To benchmark another rule set, add a constant
 * that overrides {@link #addRules}; the module's tests check every constant (benign shapes pass, attacks are
 * blocked), and benchmarks whose {@code ruleset} parameter lists it run it.
 */
public enum RulesetFixture {

    /** CRS 4.28.0 with {@code crs-setup.conf.example}, blocking paranoia level 1 (CRS's default). */
    CRS_PL1 {
        @Override
        void addRules(Firewall.Builder builder, Path crsDirectory) {
            addCrs(builder, crsDirectory, 1);
        }
    },

    /**
     * CRS 4.28.0 with {@code crs-setup.conf.example}, blocking paranoia level 2, tuned as a site would for
     * its forms: rule 942200 (PL2) flags the comma in the form shape's {@code street} value
     * ("1200 Harbor Boulevard, Suite 410"), so that argument is excluded from it. Without the exclusion the
     * benign form would be blocked, and its benchmark would measure the blocking path.
     */
    CRS_PL2 {
        @Override
        void addRules(Firewall.Builder builder, Path crsDirectory) {
            addCrs(builder, crsDirectory, 2);
            builder.directives("pl2-tuning", PL2_TUNING, crsDirectory);
        }
    },

    /**
     * Parapet's bundled rules ({@code dev.parapet:parapet-rulesets}: its engine profile and core rules at
     * paranoia level 1, no CRS), as {@code Rulesets.applyTo} loads them after the base settings.
     */
    PARAPET {
        @Override
        void addRules(Firewall.Builder builder, Path crsDirectory) {
            Rulesets.applyTo(builder);
        }

        /** It lets the PHP web shell upload through (CRS catches it with 933110 on the file name). */
        @Override
        public boolean blocks(RequestShape shape) {
            return shape.attack() && shape != RequestShape.POST_MULTIPART_ATTACK;
        }
    };

    /** The false-positive exclusion of {@link #CRS_PL2}, loaded after the rules as CRS's documentation shows. */
    static final String PL2_TUNING = "SecRuleUpdateTargetById 942200 \"!ARGS:street\"\n";

    /** Classpath resource with the engine settings loaded before any rules. */
    public static final String BASE_CONFIG = "/dev/parapet/benchmarks/waf-base.conf";

    /** Builds the firewall, reading CRS from {@link CrsDirectory#locate()}. */
    public Firewall build() {
        return build(CrsDirectory.locate());
    }

    /** Builds the firewall with CRS read from {@code crsDirectory}. */
    public Firewall build(Path crsDirectory) {
        Firewall.Builder builder = Firewall.builder().directives("waf-base.conf", baseConfig());
        addRules(builder, crsDirectory);
        return builder.build();
    }

    abstract void addRules(Firewall.Builder builder, Path crsDirectory);

    /**
     * Whether this rule set blocks {@code shape}: every attack shape, unless a constant documents a gap. The
     * benchmarks check it in their setup, so each figure measures the path it claims.
     */
    public boolean blocks(RequestShape shape) {
        return shape.attack();
    }

    /** The text of {@link #BASE_CONFIG}. */
    public static String baseConfig() {
        try (InputStream in = RulesetFixture.class.getResourceAsStream(BASE_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE_CONFIG);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CRS as its INSTALL document loads it: {@code crs-setup.conf.example}, the paranoia level, then every
     * {@code rules/*.conf} in name order (the {@code .conf.example} exclusion files are not loaded).
     */
    static void addCrs(Firewall.Builder builder, Path crs, int paranoiaLevel) {
        builder.file(crs.resolve("crs-setup.conf.example"));
        builder.directives("paranoia-level", paranoiaAction(paranoiaLevel), crs);
        for (Path file : crsRuleFiles(crs)) {
            builder.file(file);
        }
    }

    /** The {@code SecAction} that crs-setup.conf.example documents (id 900000) for the blocking paranoia level. */
    public static String paranoiaAction(int level) {
        return "SecAction \"id:900000,phase:1,pass,t:none,nolog,tag:'OWASP_CRS',ver:'OWASP_CRS/4.28.0',"
                + "setvar:tx.blocking_paranoia_level=" + level + "\"\n";
    }

    /** CRS's {@code rules/*.conf} files in load order. */
    public static List<Path> crsRuleFiles(Path crs) {
        try (Stream<Path> files = Files.list(crs.resolve("rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + crs.resolve("rules"), e);
        }
    }
}
