package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates libinjection's test data in the shared reference directory, or skips the test. */
final class SqliTestSupport {

    private SqliTestSupport() {
    }

    /** {@code <parapet.shared.dir>/libinjection}; skips the calling test when it is absent. */
    static Path libinjectionDir() {
        String shared = System.getProperty("parapet.shared.dir");
        assumeTrue(shared != null && !shared.isBlank(),
                "system property parapet.shared.dir is not set: skipping libinjection reference tests");
        Path dir = Path.of(shared, "libinjection");
        assumeTrue(Files.isDirectory(dir.resolve("tests")),
                "libinjection reference data not found at " + dir + ": skipping libinjection reference tests");
        return dir;
    }

    /** Whether the libinjection reference data is present (for tests that must report a skip themselves). */
    static boolean available() {
        String shared = System.getProperty("parapet.shared.dir");
        return shared != null && !shared.isBlank() && Files.isDirectory(Path.of(shared, "libinjection", "tests"));
    }

    static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList();
        }
    }

    /** Lines of a file as byte strings (ISO-8859-1), without line terminators. */
    static List<String> byteLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Decodes a URL-encoded corpus line to bytes ('+' is a space, bad escapes stay literal). */
    static String urlDecode(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '+') {
                out.append(' ');
            } else if (c == '%' && i + 2 < line.length() && hex(line.charAt(i + 1)) >= 0 && hex(line.charAt(i + 2)) >= 0) {
                out.append((char) (hex(line.charAt(i + 1)) * 16 + hex(line.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
