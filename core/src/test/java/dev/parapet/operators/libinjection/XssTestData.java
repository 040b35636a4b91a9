package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates libinjection's test data under {@code parapet.shared.dir}; tests skip when it is absent. */
final class XssTestData {

    private XssTestData() {}

    /** {@code <shared>/libinjection}, or aborts the calling test (skip) when not available. */
    static Path libinjectionDir() {
        String shared = System.getProperty("parapet.shared.dir");
        assumeTrue(shared != null && !shared.isBlank(),
                "system property parapet.shared.dir is not set; skipping libinjection data tests");
        Path dir = Path.of(shared, "libinjection");
        assumeTrue(Files.isDirectory(dir.resolve("tests")) && Files.isDirectory(dir.resolve("data")),
                "libinjection test data not found under " + dir + "; skipping");
        return dir;
    }

    /** Files in {@code dir} whose names start with {@code prefix} and end in .txt, sorted. */
    static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".txt");
            }).sorted().toList();
        }
    }

    /** A file's content as a byte string (one byte per char). */
    static String readBytes(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** Non-empty, non-comment lines of a libinjection data file, URL-decoded like its tools do. */
    static List<String> corpusLines(Path file) throws IOException {
        return readBytes(file).lines()
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(XssTestData::urlDecode)
                .toList();
    }

    /** Form URL decoding: {@code +} is a space, {@code %XX} a byte, a malformed {@code %} stays. */
    static String urlDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
