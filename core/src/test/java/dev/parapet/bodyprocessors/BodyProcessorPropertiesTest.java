package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class BodyProcessorPropertiesTest {

    private static final List<BodyProcessor> ALL = List.of(new UrlEncodedBodyProcessor(),
            new MultipartBodyProcessor(), new JsonBodyProcessor(), new XmlBodyProcessor());
    private static final String CT = "multipart/form-data; boundary=XyZ";

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll @Size(max = 600) byte[] body, @ForAll("contentTypes") String contentType) {
        for (BodyProcessor p : ALL) {
            p.process(body, body.length, contentType, BodyLimits.DEFAULTS, new RecordingTarget());
            p.process(body, body.length / 2, contentType, new BodyLimits(2, 2, 2), new RecordingTarget());
        }
    }

    /** Bodies built from multipart-ish fragments reach deeper parser states than random bytes. */
    @Property(tries = 500)
    void multipartishBodiesNeverThrow(@ForAll("multipartish") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        new MultipartBodyProcessor().process(bytes, bytes.length, CT, BodyLimits.DEFAULTS, new RecordingTarget());
        new MultipartBodyProcessor().process(bytes, bytes.length, CT, new BodyLimits(1, 1, 1), new RecordingTarget());
    }

    @Property(tries = 300)
    void jsonishBodiesNeverThrow(@ForAll("jsonish") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        new JsonBodyProcessor().process(bytes, bytes.length, null, new BodyLimits(50, 3, 1), new RecordingTarget());
    }

    @Property(tries = 300)
    void xmlishBodiesNeverThrow(@ForAll("xmlish") String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        new XmlBodyProcessor().process(bytes, bytes.length, null, BodyLimits.DEFAULTS, new RecordingTarget());
    }

    /** A well-formed multipart body round-trips every field value exactly. */
    @Property(tries = 200)
    void wellFormedMultipartRoundTrips(@ForAll @Size(max = 5) List<@StringLength(max = 300) @CharRange(from = 0, to = 255) String> values) {
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).replace("--XyZ", "-_XyZ");
            body.append("--XyZ\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\n")
                    .append(v).append("\r\n");
            expected.add("f" + i + "=" + v);
        }
        body.append("--XyZ--\r\n");
        RecordingTarget t = new RecordingTarget();
        byte[] bytes = body.toString().getBytes(StandardCharsets.ISO_8859_1);
        new MultipartBodyProcessor().process(bytes, bytes.length, CT, BodyLimits.DEFAULTS, t);
        assertNull(t.error());
        assertEquals(expected, t.arguments);
    }

    /** Percent-encoding every byte of a name and value decodes back to them. */
    @Property(tries = 300)
    void urlDecodingInvertsPercentEncoding(@ForAll @CharRange(from = 0, to = 255) String name,
            @ForAll @CharRange(from = 0, to = 255) String value) {
        List<String> out = new ArrayList<>();
        UrlEncodedBodyProcessor.parse(percentEncode(name) + "=" + percentEncode(value), (n, v) -> out.add(n + "=" + v));
        assertEquals(List.of(name + "=" + value), out);
    }

    @Property(tries = 300)
    void wellFormedUtf8IsAccepted(@ForAll String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // getBytes replaces lone surrogates with '?', so the result is always well-formed UTF-8
        assertEquals(-1, JsonBodyProcessor.firstInvalidUtf8(bytes, bytes.length));
    }

    private static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            sb.append(String.format("%%%02X", (int) s.charAt(i)));
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of(CT, "multipart/form-data; boundary=\"XyZ\"", "application/json"),
                Arbitraries.strings().ofMaxLength(60).injectNull(0.1));
    }

    @Provide
    Arbitrary<String> multipartish() {
        Arbitrary<String> fragment = Arbitraries.of("--XyZ", "--XyZ--", "\r\n", "\n", "\r", "Content-Disposition: ",
                "form-data", "; name=", "\"a\"", "'b'", "; filename=", "\"f.txt\"", "Content-Type: text/plain",
                " ", "\t", ":", "\u0000", "\u000e", "x", "\\", "--", "=\"", "\u00ff");
        return fragment.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragment = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"k\"", "\"\\u00e9\"", "1", "-2.5e3",
                "true", "null", " ", "\"", "\\", "x", "\uD83D\uDE00");
        return fragment.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> xmlish() {
        Arbitrary<String> fragment = Arbitraries.of("<a>", "</a>", "<b x=\"1\">", "</b>", "<c/>", "text", "&amp;", "&e;",
                "<!DOCTYPE a [<!ENTITY e \"v\">]>", "<![CDATA[x]]>", "<!--c-->", "<?pi?>", "<?xml version=\"1.0\"?>",
                " ", "\u00e9", "<", ">", "\"");
        return fragment.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
