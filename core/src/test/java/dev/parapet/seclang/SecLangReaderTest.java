package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How {@link SecLangReader} splits text into directives: quoting and escaping as Apache's
 * {@code ap_getword_conf} (only {@code \"} is an escape; every other backslash is kept), comments,
 * line continuations and {@code Include}.
 */
class SecLangReaderTest {

    @TempDir
    Path dir;

    // ---- tokenizing one logical line -----------------------------------------------------------

    static Stream<Arguments> tokenCases() {
        return Stream.of(
                Arguments.of("SecRuleEngine On", List.of("SecRuleEngine", "On")),
                Arguments.of("  SecRuleEngine \t On  ", List.of("SecRuleEngine", "On")),
                Arguments.of("SecRule ARGS \"@rx a b\" \"id:1,deny\"", List.of("SecRule", "ARGS", "@rx a b", "id:1,deny")),
                // \" inside quotes is a quote, other backslashes stay for the regex engine
                Arguments.of("X \"a\\\"b\"", List.of("X", "a\"b")),
                Arguments.of("X \"@rx ^\\d+\\s\\\\$\"", List.of("X", "@rx ^\\d+\\s\\\\$")),
                // an escaped backslash cannot escape the closing quote (as ModSecurity v3 reads it)
                Arguments.of("X \"a\\\\\"", List.of("X", "a\\\\")),
                Arguments.of("SecRule ARGS \"@rx C:\\\\\" \"id:1\"", List.of("SecRule", "ARGS", "@rx C:\\\\", "id:1")),
                Arguments.of("X \"a\\\\\\\"b\"", List.of("X", "a\\\\\"b")),
                // outside quotes too, \" becomes a quote and the token ends at whitespace
                Arguments.of("X a\\\"b c", List.of("X", "a\"b", "c")),
                Arguments.of("X \"\"", List.of("X", "")),
                Arguments.of("X \"\" \"\"", List.of("X", "", "")),
                // single quotes mean nothing to the reader (they belong to the action list)
                Arguments.of("X 'a b'", List.of("X", "'a", "b'")),
                Arguments.of("X \"msg:'it is'\"", List.of("X", "msg:'it is'")),
                // # in the middle of a line is not a comment
                Arguments.of("SecMarker A # trailing", List.of("SecMarker", "A", "#", "trailing")),
                // non-ASCII bytes pass through unchanged (rule files are read as ISO-8859-1)
                Arguments.of("X \"\u00c3\u00a9\"", List.of("X", "\u00c3\u00a9")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("tokenCases")
    void tokenizesLikeApache(String line, List<String> expected) {
        assertEquals(expected, SecLangReader.tokenize("t", 1, line));
    }

    static Stream<Arguments> badTokenCases() {
        return Stream.of(
                Arguments.of("SecRule ARGS \"@rx a", "unterminated double quote"),
                Arguments.of("SecRule ARGS \"@rx a\\\"", "unterminated double quote"),
                Arguments.of("SecRule ARGS \"@rx a\"x \"id:1\"", "unexpected text after closing quote"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badTokenCases")
    void malformedQuotingNamesFileLineAndText(String line, String reason) {
        SecLangException e = assertThrows(SecLangException.class,
                () -> SecLangReader.read("rules.conf", "# first line\n\n" + line + "\n", dir));
        assertEquals("rules.conf", e.file());
        assertEquals(3, e.line());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith("rules.conf:3: "), e.getMessage());
        assertTrue(e.getMessage().contains("@rx a"), "the offending text is quoted: " + e.getMessage());
    }

    // ---- lines, comments, continuations --------------------------------------------------------

    @Test
    void skipsCommentsAndBlankLinesAndKeepsLineNumbers() {
        List<Directive> d = SecLangReader.read("t", """
                # a comment
                   # an indented comment

                SecRuleEngine On
                \t
                SecMarker END
                """, dir);
        assertEquals(2, d.size());
        assertEquals("SecRuleEngine", d.get(0).name());
        assertEquals(4, d.get(0).line());
        assertEquals(List.of("END"), d.get(1).arguments());
        assertEquals(6, d.get(1).line());
        assertEquals("t", d.get(1).file());
    }

    @Test
    void joinsContinuedLinesAndReportsTheFirstLine() {
        List<Directive> d = SecLangReader.read("t", """
                # comment
                SecRule ARGS \\
                    "@rx a" \\
                    "id:1,\\
                    phase:2,\\
                    deny"
                SecMarker X
                """, dir);
        assertEquals(2, d.size());
        assertEquals(2, d.get(0).line());
        assertEquals(List.of("ARGS", "@rx a", "id:1,    phase:2,    deny"), d.get(0).arguments());
        assertEquals(7, d.get(1).line());
    }

    @Test
    void continuationMayJoinTheMiddleOfAToken() {
        List<Directive> d = SecLangReader.read("t", "SecMar\\\nker A\n", dir);
        assertEquals("SecMarker", d.get(0).name());
        assertEquals(List.of("A"), d.get(0).arguments());
    }

    @Test
    void readsWindowsLineEndings() {
        List<Directive> d = SecLangReader.read("t", "# c\r\nSecRule ARGS \\\r\n  \"@rx a\" \"id:1\"\r\nSecMarker B\r\n", dir);
        assertEquals(2, d.size());
        assertEquals(List.of("ARGS", "@rx a", "id:1"), d.get(0).arguments());
        assertEquals(List.of("B"), d.get(1).arguments());
        assertEquals(4, d.get(1).line());
    }

    @Test
    void backslashOnTheLastLineIsKept() {
        List<Directive> d = SecLangReader.read("t", "SecMarker A\\", dir);
        assertEquals(List.of("A\\"), d.get(0).arguments());
    }

    @Test
    void emptyTextHasNoDirectives() {
        assertEquals(List.of(), SecLangReader.read("t", "", dir));
        assertEquals(List.of(), SecLangReader.read("t", "\n\n# only comments\n", dir));
    }

    @Test
    void directiveRemembersItsBaseDirectory() {
        List<Directive> d = SecLangReader.read("t", "SecMarker A", dir);
        assertEquals(dir, d.get(0).baseDirectory());
    }

    // ---- Include -------------------------------------------------------------------------------

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    private static List<String> markers(List<Directive> directives) {
        return directives.stream().map(d -> d.arguments().get(0)).toList();
    }

    @Test
    void includeResolvesRelativeToTheIncludingFile() throws IOException {
        write("main.conf", "SecMarker MAIN1\nInclude conf/sub.conf\nSecMarker MAIN2\n");
        write("conf/sub.conf", "SecMarker SUB\nInclude ../other/leaf.conf\n");
        write("other/leaf.conf", "\n\nSecMarker LEAF\n");
        List<Directive> d = SecLangReader.readFile(dir.resolve("main.conf"));
        assertEquals(List.of("MAIN1", "SUB", "LEAF", "MAIN2"), markers(d));
        Directive leaf = d.get(2);
        assertTrue(leaf.file().endsWith("leaf.conf"), leaf.file());
        assertEquals(3, leaf.line());
        assertEquals(dir.resolve("other").toAbsolutePath().normalize(), leaf.baseDirectory().normalize());
        assertEquals(3, d.get(3).line());
    }

    @Test
    void includeGlobLoadsMatchingFilesInNameOrder() throws IOException {
        write("rules/REQUEST-920.conf", "SecMarker B920\n");
        write("rules/REQUEST-901.conf", "SecMarker A901\n");
        write("rules/RESPONSE-950.conf", "SecMarker C950\n");
        write("rules/notes.txt", "this is not SecLang\n");
        Files.createDirectories(dir.resolve("rules/dir.conf"));
        List<Directive> d = SecLangReader.read("inline", "Include \"rules/*.conf\"\nSecMarker LAST", dir);
        assertEquals(List.of("A901", "B920", "C950", "LAST"), markers(d));
    }

    @Test
    void includeGlobWithCharacterClassAndQuestionMark() throws IOException {
        write("r/a1.conf", "SecMarker A1\n");
        write("r/a2.conf", "SecMarker A2\n");
        write("r/b1.conf", "SecMarker B1\n");
        assertEquals(List.of("A1", "A2"), markers(SecLangReader.read("i", "Include r/a?.conf", dir)));
        assertEquals(List.of("A1", "B1"), markers(SecLangReader.read("i", "Include r/[ab]1.conf", dir)));
    }

    @Test
    void includeAcceptsAbsolutePathsAndAnyCase() throws IOException {
        Path f = write("abs.conf", "SecMarker ABS\n");
        assertEquals(List.of("ABS"), markers(SecLangReader.read("i", "include " + f.toAbsolutePath(), null)));
    }

    @Test
    void includeOptionalToleratesMissingFilesAndEmptyGlobs() {
        List<Directive> d = SecLangReader.read("i",
                "IncludeOptional missing.conf\nIncludeOptional nothing/*.conf\nSecMarker A", dir);
        assertEquals(List.of("A"), markers(d));
    }

    static Stream<Arguments> badIncludes() {
        return Stream.of(
                Arguments.of("Include missing.conf", "Include file not found", "missing.conf"),
                Arguments.of("Include nothing/*.conf", "matches no file", "*.conf"),
                Arguments.of("Include", "exactly one path", "Include"),
                Arguments.of("Include a.conf b.conf", "exactly one path", "got 2"),
                // found by SecLangFuzzPropertiesTest: a NUL in the path threw InvalidPathException
                Arguments.of("Include \"bad\u0000name.conf\"", "invalid Include path", "bad"),
                // found by SecLangFuzzPropertiesTest: an unclosed [ in a glob threw PatternSyntaxException
                Arguments.of("Include rules/[a.conf", "invalid Include pattern", "[a.conf"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badIncludes")
    void badIncludeNamesTheIncludingLine(String directive, String reason, String token) {
        SecLangException e = assertThrows(SecLangException.class,
                () -> SecLangReader.read("setup", "SecMarker A\n" + directive + "\n", dir));
        assertEquals("setup", e.file());
        assertEquals(2, e.line());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(token), e.getMessage());
    }

    @Test
    void relativeIncludeWithoutBaseDirectoryIsAnError() {
        SecLangException e = assertThrows(SecLangException.class,
                () -> SecLangReader.read("inline", "Include x.conf", null));
        assertTrue(e.getMessage().contains("x.conf"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void includeLoopFailsCleanly() throws IOException {
        write("a.conf", "SecMarker A\nInclude b.conf\n");
        write("b.conf", "SecMarker B\n\nInclude a.conf\n");
        SecLangException e = assertThrows(SecLangException.class, () -> SecLangReader.readFile(dir.resolve("a.conf")));
        assertTrue(e.getMessage().contains("include loop"), e.getMessage());
        assertTrue(e.file().endsWith(".conf"), e.getMessage());
    }

    @Test
    void selfIncludeFailsCleanly() throws IOException {
        write("self.conf", "Include self.conf\n");
        SecLangException e = assertThrows(SecLangException.class, () -> SecLangReader.readFile(dir.resolve("self.conf")));
        assertTrue(e.getMessage().contains("include loop"), e.getMessage());
    }

    @Test
    void errorInsideAnIncludedFileNamesThatFileAndLine() throws IOException {
        write("inc/bad.conf", "# one\n# two\nSecRule ARGS \"@rx a\n");
        SecLangException e = assertThrows(SecLangException.class,
                () -> SecLangReader.read("main", "Include inc/bad.conf", dir));
        assertTrue(e.file().endsWith("bad.conf"), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void readFileOfAMissingFileIsASecLangException() {
        SecLangException e = assertThrows(SecLangException.class,
                () -> SecLangReader.readFile(dir.resolve("nope.conf")));
        assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    }

    @Test
    void includedFilesKeepEveryByte() throws IOException {
        Path f = dir.resolve("bytes.conf");
        Files.write(f, new byte[] {'S', 'e', 'c', 'M', 'a', 'r', 'k', 'e', 'r', ' ', (byte) 0xC3, (byte) 0xA9, '\n'});
        List<Directive> d = SecLangReader.readFile(f);
        assertEquals("\u00c3\u00a9", d.get(0).arguments().get(0));
    }
}
