package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmlBodyProcessorTest {

    private static RecordingTarget run(byte[] bytes) {
        RecordingTarget t = new RecordingTarget();
        new XmlBodyProcessor().process(bytes, bytes.length, "text/xml", BodyLimits.DEFAULTS, t);
        return t;
    }

    private static RecordingTarget run(String xml) {
        return run(xml.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<a>hello</a>                                       | hello       | ",
        "<a x=\"1\"><b y='2'>t1</b><c>t2</c></a>            | t1t2        | 1;2",
        "<?xml version=\"1.0\"?><!-- c --><a>x<!-- y -->z</a> | xz        | ",
        "<a><![CDATA[<script>]]></a>                        | <script>    | ",
        "<a>&lt;&amp;&#65;&#x42;</a>                        | <&AB        | ",
        "<a xmlns=\"urn:x\" xmlns:p=\"urn:p\" p:k=\"v\">t</a> | t           | v",
        "<a>x<?pi data?>y</a>                               | xy          | ",
        "<a/>                                               | ``          | ",
    })
    void extractsTextAndAttributes(String xml, String text, String attributes) {
        RecordingTarget t = run(xml);
        assertNull(t.error());
        assertEquals(1, t.xml.size());
        assertEquals(text, t.xml.get(0).text());
        List<String> want = attributes == null ? List.of() : Arrays.asList(attributes.split(";"));
        assertEquals(want, t.xml.get(0).attributes());
    }

    @Test
    void whitespaceInsideTheRootIsKept() {
        RecordingTarget t = run("<a>\n  <b>x</b>\n  <c>y</c>\n</a>\n");
        assertEquals("\n  x\n  y\n", t.xml.get(0).text());
    }

    @Test
    void unicodeBecomesUtf8Bytes() {
        RecordingTarget t = run("<a k=\"\u00e9\">\u20ac</a>");
        assertEquals("\u00e2\u0082\u00ac", t.xml.get(0).text());
        assertEquals(List.of("\u00c3\u00a9"), t.xml.get(0).attributes());
    }

    @Test
    void declaredEncodingIsHonoured() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\u00c3\u00a9", run(latin1).xml.get(0).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:1/evil\">]><x>&e;</x>",
        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x>a</x>",
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><x>a</x>",
        "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><x>&b;</x>",
    })
    void externalEntitiesAreNeverResolved(String xml) {
        RecordingTarget t = run(xml);
        String text = t.xml.isEmpty() ? "" : t.xml.get(0).text();
        assertFalse(text.contains("root:"), text);
        assertFalse(text.contains("aaaaaaaaaaaaaaaaaaaa"), text);
    }

    @Test
    void xxeReferenceIsAnError() {
        RecordingTarget t = run("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertTrue(t.error() != null && t.error().startsWith("XML parsing error: "), String.valueOf(t.error()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a>", "<a></b>", "<a x=1/>", "text", "<a>x</a><b/>", "<a>&nope;</a>", "<a><b>x</a>"})
    void malformedIsAnErrorWithPartialContent(String xml) {
        RecordingTarget t = run(xml);
        assertTrue(t.error() != null && t.error().startsWith("XML parsing error: "), String.valueOf(t.error()));
        assertEquals(1, t.xml.size());
        assertFalse(t.error().contains("\n"));
    }

    @Test
    void partialContentBeforeTheError() {
        RecordingTarget t = run("<a k=\"v\">before<b>");
        assertEquals("before", t.xml.get(0).text());
        assertEquals(List.of("v"), t.xml.get(0).attributes());
    }

    @Test
    void emptyBodyIsAnError() {
        RecordingTarget t = run(new byte[0]);
        assertTrue(t.error() != null);
    }

    @Test
    void malformedBytesAreAnErrorAndPrintNothing() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        RecordingTarget t;
        try {
            t = run(new byte[] {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'});
        } finally {
            System.setErr(original);
        }
        assertTrue(t.error() != null && t.error().startsWith("XML parsing error:"), String.valueOf(t.error()));
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void declaredLatin1EncodingIsHonoured() {
        RecordingTarget t = run(new byte[] {'<', '?', 'x', 'm', 'l', ' ', 'v', 'e', 'r', 's', 'i', 'o', 'n', '=', '"', '1',
            '.', '0', '"', ' ', 'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g', '=', '"', 'I', 'S', 'O', '-', '8', '8', '5', '9',
            '-', '1', '"', '?', '>', '<', 'a', '>', (byte) 0xE9, '<', '/', 'a', '>'});
        assertNull(t.error());
        // é as UTF-8 bytes, one char per byte
        assertEquals("\u00c3\u00a9", t.xml.get(0).text());
    }
}
