package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The production detectors against frozen copies of the implementation they replaced
 * ({@link ReferenceSqliParser}, {@link ReferenceXssDetector}, {@link ReferenceHtml5Tokenizer}):
 * every token, fold, fingerprint and verdict must be identical, on random and SQL/HTML-shaped
 * input and on every line of libinjection's corpora and test vectors.
 */
class ReferenceEquivalenceTest {

    private static final int[] SQLI_FLAGS = {
        0,
        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_ANSI,
        SqliDetector.FLAG_QUOTE_NONE | SqliDetector.FLAG_SQL_MYSQL,
        SqliDetector.FLAG_QUOTE_SINGLE | SqliDetector.FLAG_SQL_ANSI,
        SqliDetector.FLAG_QUOTE_SINGLE | SqliDetector.FLAG_SQL_MYSQL,
        SqliDetector.FLAG_QUOTE_DOUBLE | SqliDetector.FLAG_SQL_ANSI,
        SqliDetector.FLAG_QUOTE_DOUBLE | SqliDetector.FLAG_SQL_MYSQL,
    };

    // ------------------------------------------------------------------ oracles

    private static ReferenceSqliParser referenceParser(String input, int flags) {
        return new ReferenceSqliParser(SqliData.get(), SqliDetector.toBytes(input == null ? "" : input), flags);
    }

    static String referenceDetect(String input) {
        if (input == null || input.isEmpty()) {
            return null;
        }
        ReferenceSqliParser parser = referenceParser(input, 0);
        return parser.isSqli() ? parser.currentFingerprint() : null;
    }

    // ------------------------------------------------------------------ checks

    /** One workspace for every input of the run: a value must never see state left by the one before. */
    private static final SqliDetector.Workspace SHARED = new SqliDetector.Workspace();

    static void assertSqliSame(String input) {
        assertEquals(referenceDetect(input), SqliDetector.detect(input), () -> "detect " + show(input));
        assertEquals(referenceDetect(input), SqliDetector.detect(input, SHARED), () -> "detect reusing " + show(input));
        for (int flags : SQLI_FLAGS) {
            assertEquals(List.copyOf(referenceParser(input, flags).allTokens()), SqliDetector.tokenize(input, flags),
                    () -> "tokenize " + flags + " " + show(input));
            assertEquals(List.copyOf(referenceParser(input, flags).foldedTokens()), SqliDetector.fold(input, flags),
                    () -> "fold " + flags + " " + show(input));
            assertEquals(referenceParser(input, flags).fingerprint(flags), SqliDetector.fingerprint(input, flags),
                    () -> "fingerprint " + flags + " " + show(input));
        }
    }

    static void assertXssSame(String input) {
        assertEquals(ReferenceXssDetector.isXss(input), XssDetector.isXss(input), () -> "isXss " + show(input));
        for (Html5Context context : Html5Context.values()) {
            assertEquals(ReferenceXssDetector.isXss(input, context), XssDetector.isXss(input, context),
                    () -> "isXss " + context + " " + show(input));
            assertEquals(referenceTokens(input, context), tokens(input, context),
                    () -> "tokens " + context + " " + show(input));
        }
    }

    private static List<String> referenceTokens(String input, Html5Context context) {
        ReferenceHtml5Tokenizer tokenizer = new ReferenceHtml5Tokenizer(input, context);
        List<String> out = new ArrayList<>();
        while (tokenizer.next()) {
            out.add(tokenizer.tokenType() + "@" + tokenizer.tokenStart() + "+" + tokenizer.tokenLength());
        }
        return out;
    }

    private static List<String> tokens(String input, Html5Context context) {
        Html5Tokenizer tokenizer = new Html5Tokenizer(input, context);
        List<String> out = new ArrayList<>();
        while (tokenizer.next()) {
            out.add(tokenizer.tokenType() + "@" + tokenizer.tokenStart() + "+" + tokenizer.tokenLength());
        }
        return out;
    }

    private static String show(String input) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ------------------------------------------------------------------ corpora

    @Test
    void libinjectionCorporaAndVectorsGiveTheSameResults() throws IOException {
        Path dir = SqliTestSupport.libinjectionDir();
        List<String> inputs = new ArrayList<>();
        for (Path file : SqliTestSupport.files(dir.resolve("data"), "")) {
            inputs.addAll(SqliCorpusTest.samples(file));
        }
        for (Path file : SqliTestSupport.files(dir.resolve("tests"), "test-")) {
            inputs.add(SqliVectorsTest.read(file).input());
        }
        assertTrue(inputs.size() > 10_000, "corpus unexpectedly small: " + inputs.size());
        for (String input : inputs) {
            assertSqliSame(input);
            assertXssSame(input);
        }
    }

    @Test
    void edgeCasesGiveTheSameResults() {
        List<String> inputs = new ArrayList<>(List.of("", "a", "'", "\"", "`", "<", "\0", "1", "X", "x'",
                " ", " \t\n\u000b\f\r\u00a0", "1 ", " 1", "1 -- ", "' ", "\" ", "a b ", "( ", "-- ",
                "/*!", "1 union select", "UNION ALL SELECT", "union\tall\nselect", "NOT IN (1)", "not like(",
                "@@version", "$$a$$", "$tag$x$tag$", "q'[x]'", "N'x'", "E'x'", "U&'x'", "b'01'", "x'0F'",
                "0x", "0b", "1e", "1.e", ".", "1.2f", "\\N", "\\%1", "{foo 1}", "{ ``", "`sleep`", "a.`b`",
                "SELECT.1", "select`x`", "1;if(", "; IF 1", "user(x)", "user()", "collate utf8_bin",
                "1::int", "a::varchar", "sp_password --", "1 -- x", "1#", "1 #x", "into outfile",
                "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", "<script>", "<ScRiPt", "<svg/onload=x>",
                "<a href=javascript:x>", "<a href=\"&#106;avascript:x\">", "<a href=&#x6A;avascript:x>",
                "<p onclick=x>", "<p ONCLICKfoo=1>", "<p on\0click=1>", "<p xmlns=1>", "<p xlink:href=1>",
                "<p style=x>", "<p attributename=onclick>", "<!DOCTYPE html>", "<!--[if x]>", "<?import>",
                "<!ENTITY x>", "<!--`-->", "<% x %>", "<![CDATA[x]]>", "<\0script>", "<scr\0ipt>",
                "<a\0 b>", "x' onload='y", "x\" style=\"y", "x` onclick=`y", "'><script>",
                "<p src=\u0001\u00ffjavascript:x>", "<p href=\"&#1114367;\">"));
        for (String input : inputs) {
            assertSqliSame(input);
            assertXssSame(input);
        }
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 3000)
    void anyByteStringGivesTheSameResults(@ForAll @CharRange(from = 0, to = 255) @StringLength(max = 120) String input) {
        assertSqliSame(input);
        assertXssSame(input);
    }

    @Property(tries = 300)
    void nonByteCharsGiveTheSameResults(@ForAll @StringLength(max = 40) String input) {
        assertSqliSame(input);
        assertXssSame(input);
    }

    @Property(tries = 3000)
    void sqlShapedInputsGiveTheSameResults(@ForAll("sqlPhrases") String input) {
        assertSqliSame(input);
    }

    /** {@link SqliDetector#detect} answers lone words and numbers without tokenizing; the reference must agree. */
    @Property(tries = 3000)
    void loneTokensAreNeverSqli(@ForAll("loneTokens") String word) {
        assertTrue(SqliDetector.isLoneToken(word), word);
        assertEquals(null, referenceDetect(word), word);
        assertSqliSame(word);
    }

    @Test
    void theLoneTokenShortcutHoldsForTheShippedData() {
        assertEquals(false, SqliData.get().loneTokenCanBeListed());
        for (String notLone : List.of("", "1a", "0x1", "1e5", "1.5", "1d", "a b", "a-b", "a.b", "a`", "a'", "n'x'", "u&", "a\u00e9", "$a", "@a")) {
            assertEquals(false, SqliDetector.isLoneToken(notLone), notLone);
        }
    }

    @Provide
    Arbitrary<String> loneTokens() {
        List<String> keywords = SqliData.get().keywords().keySet().stream()
                .filter(SqliDetector::isLoneToken).sorted().toList();
        Arbitrary<String> keyword = Arbitraries.of(keywords).flatMap(ReferenceEquivalenceTest::randomCase);
        Arbitrary<String> other = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> start = Arbitraries.of("b", "B", "e", "E", "n", "N", "q", "Q", "u", "U", "x", "X", "_", "a");
        Arbitrary<String> number = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> word = Combinators.combine(start, Arbitraries.oneOf(keyword, other).list().ofMaxSize(3))
                .as((first, rest) -> first + String.join("", rest))
                .flatMap(w -> Arbitraries.of(w, w.substring(1)));
        return Arbitraries.oneOf(word, number).filter(SqliDetector::isLoneToken);
    }

    @Property(tries = 3000)
    void sqlCharSoupGivesTheSameResults(@ForAll("sqlChars") String input) {
        assertSqliSame(input);
    }

    @Property(tries = 3000)
    void htmlShapedInputsGiveTheSameResults(@ForAll("htmlPhrases") String input) {
        assertXssSame(input);
    }

    /**
     * The detector skips scans that cannot flag anything: every context of an input without '<'
     * and '=', the text context without '<', a quoted-value context without its quote. The
     * reference, which never skips, must agree that such scans flag nothing.
     */
    @Property(tries = 3000)
    void skippedScansNeverFlag(@ForAll("htmlPhrases") String markup) {
        String input = markup.replace('<', ' ').replace('=', ' ');
        for (Html5Context context : Html5Context.values()) {
            assertEquals(false, ReferenceXssDetector.isXss(input, context), () -> context + " " + show(input));
        }
        String withTag = markup.replace('=', ' ');
        assertEquals(false, ReferenceXssDetector.isXss(markup.replace('<', ' '), Html5Context.DATA_STATE));
        assertEquals(false, ReferenceXssDetector.isXss(withTag.replace('\'', ' '), Html5Context.VALUE_SINGLE_QUOTE));
        assertEquals(false, ReferenceXssDetector.isXss(markup.replace('"', ' '), Html5Context.VALUE_DOUBLE_QUOTE));
        assertEquals(false, ReferenceXssDetector.isXss(markup.replace('`', ' '), Html5Context.VALUE_BACK_QUOTE));
    }

    @Provide
    Arbitrary<String> sqlChars() {
        return Arbitraries.strings()
                .withChars("'\"`\\/*-#$@[]{}().,;:!=<>|&^%~+?0123456789eExXbBnNqQuU \t\n\u0000\u00a0\u00ff")
                .withChars("aorSELCTUNIOandselctunio_")
                .ofMaxLength(60);
    }

    /** Keywords and keyword phrases of libinjection's table, in random case, between SQL punctuation. */
    @Provide
    Arbitrary<String> sqlPhrases() {
        List<String> keywords = SqliData.get().keywords().keySet().stream().sorted().toList();
        Arbitrary<String> keyword = Arbitraries.of(keywords).flatMap(ReferenceEquivalenceTest::randomCase);
        Arbitrary<String> other = Arbitraries.of("1", "1.5", "0x1F", "'a'", "\"b\"", "`c`", "@v", "@@w", "x_y",
                "col", "--", "#", "/*c*/", "/*!", "(", ")", ",", ";", ".", "::", "-", "+", "!", "~", "=", "<=>",
                "||", "&&", "\\N", "\\", "{", "}", "$1", "$$s$$", "N'x'", "q'[x]'", "sp_password", "'", "\"",
                "abcdefghijklmnopqrstuvwxyzABCDEF");
        Arbitrary<String> separator = Arbitraries.of(" ", "  ", "", "\t", "\n", "/**/", "\0", ".", "`");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, keyword), net.jqwik.api.Tuple.of(2, other));
        return Combinators.combine(piece, separator).as((p, s) -> p + s).list().ofMaxSize(8)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> htmlPhrases() {
        List<String> names = new ArrayList<>(XssBlacklists.TAGS);
        names.addAll(XssBlacklists.ATTRIBUTES.keySet());
        names.addAll(XssBlacklists.ATTRIBUTE_PREFIXES);
        names.addAll(XssBlacklists.TAG_PREFIXES);
        for (String event : XssBlacklists.EVENTS) {
            names.add("ON" + event);
        }
        names.addAll(List.of("p", "a", "img", "div", "svgx", "xslt", "onx", "on", "o", "href", "srcx", "data",
                "onclickx", "online", "one", "only", "xmlnsx", "[if", "xml", "import", "entity", "doctype"));
        Arbitrary<String> name = Arbitraries.of(names.stream().sorted().toList())
                .flatMap(ReferenceEquivalenceTest::randomCase)
                .flatMap(n -> Arbitraries.integers().between(0, n.length() + 3)
                        .map(i -> i < n.length() && i % 3 == 0 ? n.substring(0, i) + '\0' + n.substring(i) : n));
        Arbitrary<String> value = Arbitraries.of("javascript:x", "JaVaScRiPt:x", " \u0001vbscript:y", "data:z",
                "view-source:q", "&#106;avascript:", "&#x6a;ava", "&#0000106ava", "&#x;", "&#;", "&amp;",
                "java\0script:", "java\nscript:", "\u00a0java", "x", "", "onclick", "href", "style");
        Arbitrary<String> punctuation = Arbitraries.of("<", ">", "</", "/>", "/", "=", "\"", "'", "`", " ", "\t",
                "\0", "<!", "<!--", "-->", "--!>", "<?", "<%", "%>", "<![CDATA[", "]]>", "&", ";", "x", "text ");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, name), net.jqwik.api.Tuple.of(2, value), net.jqwik.api.Tuple.of(4, punctuation));
        return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    private static Arbitrary<String> randomCase(String word) {
        return Arbitraries.integers().between(0, 3).map(mode -> switch (mode) {
            case 0 -> word;
            case 1 -> word.toLowerCase(Locale.ROOT);
            default -> {
                StringBuilder out = new StringBuilder(word.length());
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    out.append((i + mode) % 2 == 0 ? Character.toLowerCase(c) : c);
                }
                yield out.toString();
            }
        });
    }
}
