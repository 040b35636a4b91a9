package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class XssDetectorTest {

    static Stream<Arguments> classicPayloads() {
        return Stream.of(
                Arguments.of("<script>alert(1)</script>", true),
                Arguments.of("<SCRIPT SRC=//x.example/x.js></SCRIPT>", true),
                Arguments.of("<img src=x onerror=alert(1)>", true),
                Arguments.of("<svg/onload=alert(1)>", true),
                Arguments.of("<svg onload=alert(1)>", true),
                Arguments.of("<body onload=alert(1)>", true),
                Arguments.of("<iframe src=\"about:blank\"></iframe>", true),
                Arguments.of("<style>body{}</style>", true),
                Arguments.of("<div style=\"color:red\">", true),
                Arguments.of("<xsl:template>", true),
                Arguments.of("<sc\0ript>", true), // NULs inside tag names are ignored
                Arguments.of("\"><script>alert(1)</script>", true),
                Arguments.of("' onmouseover='alert(1)", true), // single-quoted value context
                Arguments.of("\" onfocus=\"alert(1)", true), // double-quoted value context
                Arguments.of("x onclick=alert(1)", true), // unquoted value / inside-tag context
                Arguments.of("onclickfoo=1 x", true), // event names match as prefixes
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>", true),
                Arguments.of("<a href=\"  JaVaScRiPt:alert(1)\">", true),
                Arguments.of("<a href=\"jaVa&#x09;script:alert(1)\">", true), // "JAVA" already matches
                Arguments.of("<a href=\"&#106;avascript:alert(1)\">", true), // numeric reference decoded
                Arguments.of("<a href=\"&#x6A&#x61;vascript:alert(1)\">", true),
                Arguments.of("<a href=\"&#0000106avascript:alert(1)\">", true),
                Arguments.of("<a href=\"\u0001\u00a0javascript:x\">", true), // control and high bytes skipped
                Arguments.of("<a href=\"ja\nva\0script:x\">", true), // LF and NUL ignored in the scheme
                Arguments.of("<a href=\"vbscript:msgbox(1)\">", true),
                Arguments.of("<a href=\"data:text/html,<b>\">", true),
                Arguments.of("<iframe srcdoc=x>", true),
                Arguments.of("<a href=\"view-source:http://x\">", true),
                Arguments.of("<form><button formaction=javascript:alert(1)>", true),
                Arguments.of("<x xmlns:foo=\"x\">", true),
                Arguments.of("<x xlink:href=\"javascript:x\">", true),
                Arguments.of("<animate attributeName=\"onclick\">", true), // indirect attribute
                Arguments.of("<!DOCTYPE html>", true),
                Arguments.of("<!--[if IE]><script>x</script><![endif]-->", true),
                Arguments.of("<!--[if gte IE 4]>-->", true),
                Arguments.of("<!-- `foo` -->", true),
                Arguments.of("<?import namespace=\"t\">", true),
                Arguments.of("<!IMPORT x>", true),
                Arguments.of("<!ENTITY x \"y\">", true),
                Arguments.of("<?xml version=\"1.0\"?>", true),
                Arguments.of("<% `x` %>", true),
                // values as CRS 4.28.0 regression tests 941100/941101 feed them (after transformations)
                Arguments.of("<xss onbeforehellfreezes=alerw(1)>", true),
                Arguments.of("<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\" src=\"data:,alert(1)\" />", true),
                Arguments.of("www.github.com<script><img><iframe>", true),
                Arguments.of("/get/\"onmouseover='prompt(document.cookie)'\"", true),
                Arguments.of("/get/index.php/<svg/onload=alert()", true),
                Arguments.of("OWASP CRS test agent", false),
                // not flagged by libinjection
                Arguments.of("", false),
                Arguments.of("hello world", false),
                Arguments.of("<b>bold</b>", false),
                Arguments.of("<a href=\"https://example.com\">x</a>", false),
                Arguments.of("<a href=\"&NewLine;javascript:alert(1)\">", false), // named entities not decoded
                Arguments.of("<a href=\"&#x100006A;avascript:x\">", false), // reference beyond 0x1000FF
                Arguments.of("<x onfoo=alert(1)>", false), // unknown event name
                Arguments.of("<x on=1>", false),
                Arguments.of("<x oncl\0ick=alert(1)>", false), // a NUL breaks the event name
                Arguments.of("<sv>", false),
                Arguments.of("<!-- just a comment -->", false),
                Arguments.of("javascript:alert(1)", false)); // a bare scheme is no HTML
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("classicPayloads")
    void classicPayloads(String input, boolean expected) {
        assertEquals(expected, XssDetector.isXss(input));
    }

    @ParameterizedTest(name = "[{index}] {0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            javascript:alert(1)              | DATA_STATE         | false
            <b onclick=x>                    | DATA_STATE         | true
            x onclick=alert(1)               | VALUE_NO_QUOTE     | true
            x onclick=alert(1)               | DATA_STATE         | false
            ' onclick='x                     | VALUE_SINGLE_QUOTE | true
            ' onclick='x                     | VALUE_DOUBLE_QUOTE | false
            ^" style="x^                     | VALUE_DOUBLE_QUOTE | true
            ` style=x                        | VALUE_BACK_QUOTE   | true
            ` style=x                        | VALUE_SINGLE_QUOTE | false
            """)
    void contexts(String input, Html5Context context, boolean expected) {
        assertEquals(expected, XssDetector.isXss(input, context));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            javascript:x   | JAVA     | true
            &#74;AVA       | JAVA     | true
            &#x4a;ava      | JAVA     | true
            &#x14a;ava     | JAVA     | true
            ' java'        | JAVA     | true
            j&#97;v&#x61;  | JAVA     | true
            jav            | JAVA     | false
            &#;java        | JAVA     | false
            &#x;java       | JAVA     | false
            &amp;java      | JAVA     | false
            ''             | JAVA     | false
            """)
    void htmlEncodedStartsWith(String value, String prefix, boolean expected) {
        assertEquals(expected, XssDetector.htmlEncodedStartsWith(prefix, value, 0, value.length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            A        | 65  | 1
            &        | 38  | 1
            &#       | 38  | 1
            &#6      | 6   | 3
            &#65;x   | 65  | 5
            &#65x    | 65  | 4
            &#x41;   | 65  | 6
            &#X41    | 65  | 5
            &#xg     | 38  | 1
            &#a      | 38  | 1
            &amp;    | 38  | 1
            &#99999999 | 38 | 1
            """)
    void decodesNumericReferences(String input, int value, int consumed) {
        long decoded = XssDetector.decodeCharAt(input, 0, input.length());
        assertEquals(value, (int) decoded);
        assertEquals(consumed, (int) (decoded >>> 32));
    }

    @Test
    void benignCorpusIsNotFlagged() throws IOException {
        List<String> lines = benignLines();
        assertTrue(lines.size() >= 100, "benign corpus too small: " + lines.size());
        List<String> flagged = lines.stream().filter(XssDetector::isXss).toList();
        assertEquals(List.of(), flagged);
    }

    @Test
    void nullIsNotXss() {
        assertFalse(XssDetector.isXss(null));
    }

    /** Runs of one construct: each state must make progress without nesting or rescanning. */
    @ParameterizedTest
    @ValueSource(strings = {"<a ", "/", "<!--", "<%", "<a b=\"", "&#1", "<a href=&#x", "<a/", "\u0000",
            "<![CDATA[", "--!", "<a onclick", "- -"})
    void hugeRepetitiveInputsFinishQuickly(String unit) {
        String huge = "<a " + unit.repeat(1_000_000 / unit.length());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> XssDetector.isXss(huge));
    }

    @Test
    void hugeInputWithAttackAtTheEndIsFound() {
        String huge = "x".repeat(3_000_000) + "<script>";
        assertTrue(XssDetector.isXss(huge));
    }

    private static List<String> benignLines() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                XssDetectorTest.class.getResourceAsStream("xss-benign.txt"), "xss-benign.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // as bytes: UTF-8 text seen one byte per char, like request data
            String bytes = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            return bytes.lines().filter(l -> !l.isEmpty() && !l.startsWith("# ")).toList();
        }
    }
}
