package dev.parapet.lambda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** OWASP CRS 4.28.0 from the shared test data; tests that use it are skipped when it is absent. */
final class Crs {

    private static Firewall firewall;

    private Crs() {
    }

    static Path directory() {
        Path dir = Path.of(System.getProperty("parapet.shared.dir", "../../shared"), "crs-4.28.0");
        assumeTrue(Files.isDirectory(dir.resolve("rules")),
                "CRS 4.28.0 not found at " + dir.toAbsolutePath() + " (set -Dparapet.shared.dir); skipping");
        return dir;
    }

    /** crs-setup.conf.example plus every rule file, in load order: CRS as shipped (PL1, blocking). */
    static synchronized Firewall firewall() {
        Path dir = directory();
        if (firewall == null) {
            firewall = builder(dir).build();
        }
        return firewall;
    }

    static Firewall.Builder builder(Path dir) {
        Firewall.Builder b = Firewall.builder().file(dir.resolve("crs-setup.conf.example"));
        for (Path f : ruleFiles(dir)) {
            b.file(f);
        }
        return b;
    }

    static List<Path> ruleFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir.resolve("rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
