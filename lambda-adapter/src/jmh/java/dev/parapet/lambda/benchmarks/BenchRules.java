package dev.parapet.lambda.benchmarks;

import dev.parapet.engine.Firewall;
import dev.parapet.rulesets.Rulesets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule sets the benchmarks compare (CRS as shipped, Parapet's bundled rules, a few inline rules), and the
 * event fixtures they replay.
 */
final class BenchRules {

    /** A handful of rules, standing in for a small hand-written rule set. */
    static final String INLINE = """
            SecRuleEngine On
            SecRequestBodyAccess On
            SecRule REQUEST_FILENAME "@contains /etc/passwd" "id:1001,phase:1,deny,status:403,log"
            SecRule ARGS "@rx (?i)<script" "id:1002,phase:2,deny,status:403,log"
            SecRule REQUEST_HEADERS:User-Agent "@pm sqlmap nikto" "id:1003,phase:1,deny,status:403,log"
            """;

    private BenchRules() {
    }

    static Path crsDirectory() {
        Path dir = Path.of(System.getProperty("parapet.shared.dir", "../shared"), "crs-4.28.0");
        if (!Files.isDirectory(dir.resolve("rules"))) {
            throw new IllegalStateException("CRS 4.28.0 not found at " + dir.toAbsolutePath()
                    + "; pass -Dparapet.shared.dir=/path/to/shared");
        }
        return dir;
    }

    /** CRS 4.28.0 as shipped: crs-setup.conf.example and every rule file. */
    static Firewall crs() {
        Path dir = crsDirectory();
        Firewall.Builder b = Firewall.builder().file(dir.resolve("crs-setup.conf.example"));
        try (Stream<Path> files = Files.list(dir.resolve("rules"))) {
            List<Path> rules = files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
            rules.forEach(b::file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.build();
    }

    static Firewall inline() {
        return Firewall.builder().directives("inline", INLINE).build();
    }

    static Firewall named(String name) {
        return switch (name) {
            case "crs" -> crs();
            case "inline" -> inline();
            case "bundled" -> Rulesets.parapet().build();
            default -> throw new IllegalArgumentException("unknown rule set " + name + " (crs, bundled, inline)");
        };
    }

    static byte[] fixture(String name) {
        try (InputStream in = BenchRules.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
