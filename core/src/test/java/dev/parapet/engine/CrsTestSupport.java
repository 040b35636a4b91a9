package dev.parapet.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates CRS 4.28.0 in {@code ../shared} and builds firewalls from it for tests. */
public final class CrsTestSupport {

    /** The regression-suite setup rule from CRS's tests/regression/README.md. */
    public static final String REGRESSION_SETUP = """
            SecAction "id:900005,\\
              phase:1,\\
              nolog,\\
              pass,\\
              ctl:ruleEngine=DetectionOnly,\\
              ctl:ruleRemoveById=910000,\\
              setvar:tx.blocking_paranoia_level=4,\\
              setvar:tx.crs_validate_utf8_encoding=1,\\
              setvar:tx.arg_name_length=100,\\
              setvar:tx.arg_length=400,\\
              setvar:tx.total_arg_length=64000,\\
              setvar:tx.max_num_args=255,\\
              setvar:tx.max_file_size=64100,\\
              setvar:tx.combined_file_sizes=65535"
            """;

    private CrsTestSupport() {
    }

    /** The CRS directory, or a skipped test when the shared test data is absent. */
    public static Path crsDirectory() {
        String shared = System.getProperty("parapet.shared.dir", "../../shared");
        Path dir = Path.of(shared, "crs-4.28.0");
        assumeTrue(Files.isDirectory(dir.resolve("rules")),
                "CRS 4.28.0 not found at " + dir.toAbsolutePath() + " (set -Dparapet.shared.dir); skipping");
        return dir;
    }

    /** The rule files of CRS in load order. */
    public static List<Path> ruleFiles(Path crs) {
        try (Stream<Path> files = Files.list(crs.resolve("rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A builder loaded with crs-setup.conf.example and every CRS rule file, after {@code before}. */
    public static Firewall.Builder crs(Path crs, String before) {
        Firewall.Builder b = Firewall.builder();
        if (before != null) {
            b.directives("test-setup", before, crs);
        }
        b.file(crs.resolve("crs-setup.conf.example"));
        for (Path f : ruleFiles(crs)) {
            b.file(f);
        }
        return b;
    }
}
