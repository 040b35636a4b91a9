package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * libinjection's own SQLi test vectors ({@code tests/test-tokens-*}, {@code test-folding-*},
 * {@code test-sqli-*}), run and printed as libinjection's {@code testdriver.c} does.
 */
class SqliVectorsTest {

    /** One {@code --TEST--/--INPUT--/--EXPECTED--} file. */
    record Case(String name, String input, String expected) {
    }

    @TestFactory
    Stream<DynamicTest> tokens() throws IOException {
        return cases("test-tokens-", c -> () -> assertEquals(c.expected(),
                rtrim(print(SqliDetector.tokenize(c.input(),
                        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_ANSI))), c.input()));
    }

    @TestFactory
    Stream<DynamicTest> folding() throws IOException {
        return cases("test-folding-", c -> () -> assertEquals(c.expected(),
                rtrim(print(SqliDetector.fold(c.input(),
                        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_ANSI))), c.input()));
    }

    @TestFactory
    Stream<DynamicTest> sqli() throws IOException {
        return cases("test-sqli-", c -> () -> {
            String fingerprint = SqliDetector.detect(c.input());
            assertEquals(c.expected(), fingerprint == null ? "" : fingerprint, c.input());
        });
    }

    /** One dynamic test per file, or a single skipped test when the reference data is absent. */
    private static Stream<DynamicTest> cases(String prefix, Function<Case, Executable> check) throws IOException {
        if (!SqliTestSupport.available()) {
            return Stream.of(DynamicTest.dynamicTest(prefix + "* (reference data absent)",
                    () -> SqliTestSupport.libinjectionDir()));
        }
        Path tests = SqliTestSupport.libinjectionDir().resolve("tests");
        List<Path> files = SqliTestSupport.files(tests, prefix);
        assertFalse(files.isEmpty(), "no " + prefix + " files in " + tests);
        return files.stream().map(SqliVectorsTest::read).map(c -> DynamicTest.dynamicTest(c.name(), check.apply(c)));
    }

    /** Splits a test file like testdriver.c's read_file. */
    static Case read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder[] parts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        String[] markers = {"--TEST--\n", "--INPUT--\n", "--EXPECTED--\n"};
        int section = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(start, end);
            if (section < 3 && line.equals(markers[section])) {
                section++;
            } else if (section > 0) {
                parts[section - 1].append(line);
            }
            start = end;
        }
        if (section != 3) {
            throw new IllegalStateException("malformed test file " + file);
        }
        return new Case(file.getFileName().toString(), rtrim(parts[1].toString()), rtrim(parts[2].toString()));
    }

    static String rtrim(String s) {
        int len = s.length();
        while (len > 0) {
            char c = s.charAt(len - 1);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                len--;
            } else {
                break;
            }
        }
        return s.substring(0, len);
    }

    /** testdriver.c's print_token: "type value" lines, strings with their quotes, variables with '@'. */
    static String print(List<SqliToken> tokens) {
        StringBuilder out = new StringBuilder();
        for (SqliToken t : tokens) {
            out.append(t.type()).append(' ');
            if (t.type() == 's') {
                printString(out, t);
            } else if (t.type() == 'v') {
                if (t.count() >= 1) {
                    out.append('@');
                }
                if (t.count() == 2) {
                    out.append('@');
                }
                printString(out, t);
            } else {
                out.append(cString(t.value()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void printString(StringBuilder out, SqliToken t) {
        if (t.strOpen() != 0) {
            out.append(t.strOpen());
        }
        out.append(cString(t.value()));
        if (t.strClose() != 0) {
            out.append(t.strClose());
        }
    }

    private static String cString(String value) {
        int nul = value.indexOf('\0');
        return nul < 0 ? value : value.substring(0, nul);
    }
}
