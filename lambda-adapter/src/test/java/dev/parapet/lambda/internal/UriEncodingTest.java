package dev.parapet.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriEncodingTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "/plain/path|/plain/path",
        "/a b|/a%20b",
        "/already%20encoded|/already%20encoded",
        "/x?y|/x%3Fy",
        "/frag#ment|/frag%23ment",
        "/caf\u00e9|/caf%C3%A9",
        "/emoji\ud83d\ude00|/emoji%F0%9F%98%80",
        "/tab\there|/tab%09here",
        "/del\u007f|/del%7F",
    })
    void rawPartsOnlyEscapeWhatNoClientSendsRaw(String in, String out) {
        assertEquals(out, UriEncoding.escapeRaw(in, true));
    }

    @Test
    void rawQueryKeepsQuestionMarks() {
        assertEquals("a=1?&b=%2F", UriEncoding.escapeRaw("a=1?&b=%2F", false));
    }

    @Test
    void unchangedInputIsReturnedAsIs() {
        String s = "/nothing/to/do";
        assertSame(s, UriEncoding.escapeRaw(s, true));
        assertSame(s, UriEncoding.encodeComponent(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a&b=c", "100%", "1+1", "x#y", "\u00e9t\u00e9", "\ud83d\ude00", "'\"<>;", ""})
    void encodedComponentDecodesBackToItself(String decoded) {
        assertEquals(decoded, URLDecoder.decode(UriEncoding.encodeComponent(decoded), StandardCharsets.UTF_8));
    }
}
