package dev.parapet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the CRS 4.28.0 directory the benchmarks run. Never bundled: the rules are read from disk.
 *
 * <p>Order: the system property {@value #CRS_PROPERTY}; then {@code <parapet.shared.dir>/crs-4.28.0}; then
 * {@code shared/crs-4.28.0} in the working directory or any of its parents (so {@code ../shared} beside the
 * repository is found from the repository root, from {@code benchmarks/} and from forked JMH JVMs).
 */
public final class CrsDirectory {

    /** System property naming the CRS directory (the one holding {@code rules/} and {@code crs-setup.conf.example}). */
    public static final String CRS_PROPERTY = "parapet.crs.dir";

    private static final String CRS_NAME = "crs-4.28.0";

    private CrsDirectory() {
    }

    /**
     * The CRS directory.
     *
     * @throws IllegalStateException with the places searched when none holds CRS
     */
    public static Path locate() {
        String explicit = System.getProperty(CRS_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath().normalize();
            if (!isCrs(dir)) {
                throw new IllegalStateException("-D" + CRS_PROPERTY + "=" + explicit
                        + " does not hold CRS (no rules/ and crs-setup.conf.example in " + dir + ")");
            }
            return dir;
        }
        Path found = find();
        if (found == null) {
            throw new IllegalStateException("CRS 4.28.0 not found: set -D" + CRS_PROPERTY
                    + "=/path/to/crs-4.28.0 (searched shared/" + CRS_NAME + " from "
                    + Path.of("").toAbsolutePath() + " upwards)");
        }
        return found;
    }

    /** The CRS directory, or {@code null} when absent (for tests that skip). */
    public static Path find() {
        String explicit = System.getProperty(CRS_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit).toAbsolutePath().normalize();
            return isCrs(dir) ? dir : null;
        }
        String shared = System.getProperty("parapet.shared.dir");
        if (shared != null && !shared.isBlank()) {
            Path dir = Path.of(shared, CRS_NAME).toAbsolutePath().normalize();
            if (isCrs(dir)) {
                return dir;
            }
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path dir = d.resolve("shared").resolve(CRS_NAME);
            if (isCrs(dir)) {
                return dir;
            }
        }
        return null;
    }

    private static boolean isCrs(Path dir) {
        return Files.isDirectory(dir.resolve("rules")) && Files.isRegularFile(dir.resolve("crs-setup.conf.example"));
    }
}
