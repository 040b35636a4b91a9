package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoEmulationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''|''",
        "abcXYZ09-_.~|abcXYZ09-_.~",
        "a b|a+b",
        "1 OR 1=1|1+OR+1%3D1",
        "'<script>'|%3Cscript%3E",
        "/&?#+%|%2F%26%3F%23%2B%25",
        "\u00e9|%E9",
    })
    void queryEscapeMatchesGo(String in, String expected) {
        assertEquals(expected, GoUrlEncoding.queryEscape(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "var=1234 OR 1=1|var=1234+OR+1%3D1",
        "a=1&b=<x>|a=1&b=%3Cx%3E",
        "novalue|novalue",
        "a b&c|a+b&c",
        "a&&b|a&&b",
        "a&|a",
        "x=a=b|x=a%3Db",
        // already escaped (or not unescapable): left alone
        "x=%27|x=%27",
        "x=a+b|x=a+b",
        "param=%1G|param=%1G",
    })
    void formDataIsEncodedLikeGoFtw(String in, String expected) {
        assertEquals(expected, GoUrlEncoding.encodeFormData(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "plain;plain",
        "a{{ \"1\" | repeat 3 }}b;a111b",
        "{{repeat 2 \"xy\"}};xyxy",
        "{{ \"\\n\" | repeat 2 }};'\n\n'",
    })
    void templatesRender(String in, String expected) {
        assertEquals(Optional.of(expected), GoTemplate.render(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "{{ unclosed",
        "{{ .Foo }}",
        "{{ \"1\" | repeat -1 }}",
        "{{ \"1\" | repeat x }}",
        "{{ \"1\" | repeat 999999999 }}",
    })
    void unsupportedOrInvalidTemplatesYieldNoBody(String in) {
        assertEquals(Optional.empty(), GoTemplate.render(in));
    }

    @Test
    void largeRepeatIsExact() {
        assertEquals(64200, GoTemplate.render("{{ \"1\" | repeat 64200 }}").orElseThrow().length());
    }

    @Property(tries = 300)
    void escapedOutputIsAsciiAndUnescapeIsNotIdentity(@ForAll String text) {
        String bytes = ByteStrings.wire(text);
        String escaped = GoUrlEncoding.queryEscape(bytes);
        assertTrue(escaped.chars().allMatch(c -> c < 0x80));
        assertEquals(bytes.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || "-_.~".indexOf(c) >= 0),
                escaped.equals(bytes));
    }

    @Property(tries = 300)
    void templateRenderingNeverThrows(@ForAll String text) {
        GoTemplate.render(text);
    }
}
