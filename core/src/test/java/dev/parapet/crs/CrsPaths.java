package dev.parapet.crs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the read-only CRS checkout; tests skip with a clear message when it is absent. */
final class CrsPaths {
    private CrsPaths() {}

    /** {@code <parapet.shared.dir>/crs-4.28.0}, or aborts the calling test (skipped) when not available. */
    static Path crsDir() {
        String shared = System.getProperty("parapet.shared.dir");
        Assumptions.assumeTrue(shared != null && !shared.isBlank(),
                "CRS regression data not available: system property parapet.shared.dir is not set");
        Path crs = Path.of(shared).resolve("crs-4.28.0");
        Assumptions.assumeTrue(Files.isDirectory(crs.resolve("tests/regression/tests")),
                "CRS regression data not available: " + crs + "/tests/regression/tests does not exist");
        return crs;
    }

    /** The module's build directory (surefire sets {@code basedir} to the module directory). */
    static Path targetDir() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target");
    }
}
