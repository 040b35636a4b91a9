package dev.parapet.transformations;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code t:name} used by a CRS 4.28.0 rule resolves in the registry (or is {@code none}). */
class CrsTransformationNamesTest {

    @Test
    void everyCrsTransformationIsKnown() throws IOException {
        String shared = System.getProperty("parapet.shared.dir");
        Path rules = shared == null ? null : Path.of(shared, "crs-4.28.0", "rules");
        assumeTrue(rules != null && Files.isDirectory(rules),
                "CRS 4.28.0 not found under parapet.shared.dir (" + shared + "); skipping");

        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".conf")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    if (line.stripLeading().startsWith("#")) {
                        continue; // comments mention t:... in prose
                    }
                    // Plain scanning (no java.util.regex): find "t:" followed by a name.
                    int at = line.indexOf("t:");
                    while (at >= 0) {
                        boolean boundary = at == 0 || line.charAt(at - 1) == ',' || line.charAt(at - 1) == '\''
                                || line.charAt(at - 1) == '"' || Character.isWhitespace(line.charAt(at - 1));
                        int end = at + 2;
                        while (end < line.length() && Character.isLetterOrDigit(line.charAt(end))) {
                            end++;
                        }
                        if (boundary && end > at + 2) {
                            names.add(line.substring(at + 2, end));
                        }
                        at = line.indexOf("t:", at + 2);
                    }
                }
            }
        }
        assertTrue(names.contains("urlDecodeUni"), "scan found CRS transformations: " + names);
        for (String name : names) {
            assertTrue(name.equals("none") || TransformationRegistry.lookup(name).isPresent(),
                    () -> "unknown CRS transformation t:" + name);
        }
    }
}
