package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libinjection's own HTML5 tokenizer vectors ({@code tests/test-html5-*.txt}): each file has
 * {@code --TEST--}, {@code --INPUT--} and {@code --EXPECTED--} sections; the expected output lists
 * the tokens of a DATA_STATE scan as {@code TYPE,length,value}, one per line, as libinjection's
 * {@code testdriver.c} prints them (input and output right-trimmed).
 */
class Html5TokenizerVectorsTest {

    @TestFactory
    Stream<DynamicTest> libinjectionHtml5Vectors() throws IOException {
        Path tests = XssTestData.libinjectionDir().resolve("tests");
        List<Path> files = XssTestData.files(tests, "test-html5-");
        assertTrue(files.size() >= 60, "expected libinjection's ~63 html5 vectors, found " + files.size());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Vector vector = Vector.parse(XssTestData.readBytes(file));
            assertEquals(vector.expected(), tokenize(vector.input()), vector.name() + " | input: " + vector.input());
        }));
    }

    /** The testdriver's rendering of a DATA_STATE token stream. */
    static String tokenize(String input) {
        StringBuilder out = new StringBuilder();
        Html5Tokenizer tokenizer = new Html5Tokenizer(input, Html5Context.DATA_STATE);
        while (tokenizer.next()) {
            String value = tokenizer.tokenValue();
            int nul = value.indexOf('\0');
            // printf("%s") stops at the first NUL
            out.append(tokenizer.tokenType()).append(',').append(tokenizer.tokenLength()).append(',')
                    .append(nul >= 0 ? value.substring(0, nul) : value).append('\n');
        }
        return rtrim(out.toString());
    }

    static String rtrim(String s) {
        int end = s.length();
        while (end > 0 && " \n\t\r".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    record Vector(String name, String input, String expected) {

        /** Splits a test file the way testdriver.c's read_file() does (markers are whole lines). */
        static Vector parse(String text) {
            StringBuilder[] sections = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            int section = -1;
            String[] markers = {"--TEST--\n", "--INPUT--\n", "--EXPECTED--\n"};
            int pos = 0;
            while (pos < text.length()) {
                int nl = text.indexOf('\n', pos);
                String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl + 1);
                pos += line.length();
                if (section < 2 && line.equals(markers[section + 1])) {
                    section++;
                } else if (section >= 0) {
                    sections[section].append(line);
                }
            }
            if (section != 2) {
                throw new IllegalArgumentException("not a libinjection test file");
            }
            return new Vector(rtrim(sections[0].toString()), rtrim(sections[1].toString()),
                    rtrim(sections[2].toString()));
        }
    }
}
