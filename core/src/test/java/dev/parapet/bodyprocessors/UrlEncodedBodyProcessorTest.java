package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlEncodedBodyProcessorTest {

    private static List<String> parse(String s) {
        List<String> out = new ArrayList<>();
        UrlEncodedBodyProcessor.parse(s, (n, v) -> out.add(n + "=" + v));
        return out;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a=1&b=2              | a=1,b=2",
        "a=1;b=2              | a=1;b=2",
        "a                    | a=",
        "a=                   | a=",
        "=x                   | =x",
        "a=b=c                | a=b=c",
        "a=1&&b=2             | a=1,b=2",
        "&a=1&                | a=1",
        "a+b=c+d              | a b=c d",
        "a%3Db=%41%42         | a=b=AB",
        "x=%                  | x=%",
        "x=%4                 | x=%4",
        "x=%zz%4g             | x=%zz%4g",
        "x=%%41               | x=%A",
        "%61=%2b              | a=+",
        "x=%ff%41             | x=\u00ffA",
        "a=1&a=2              | a=1,a=2",
    })
    void parsesLikeModSecurity(String input, String expected) {
        assertEquals(Arrays.asList(expected.split(",")), parse(input));
    }

    @Test
    void emptyInputHasNoArguments() {
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse("&&&"));
    }

    @Test
    void decodesNulAndHighBytes() {
        assertEquals(List.of("x=\u0000\u00ff"), parse("x=%00%FF"));
    }

    @Test
    void nonAsciiBytesPassThrough() {
        String body = new String(new byte[] {'k', '=', (byte) 0xC3, (byte) 0xA9}, StandardCharsets.ISO_8859_1);
        assertEquals(List.of("k=\u00c3\u00a9"), parse(body));
    }

    @Test
    void processorReportsArguments() {
        RecordingTarget t = run("a=1&b=%3Cscript%3E", BodyLimits.DEFAULTS);
        assertEquals(List.of("a=1", "b=<script>"), t.arguments);
        assertNull(t.error());
    }

    @Test
    void processorHonoursLength() {
        byte[] body = "a=1&b=2".getBytes(StandardCharsets.ISO_8859_1);
        RecordingTarget t = new RecordingTarget();
        new UrlEncodedBodyProcessor().process(body, 3, null, BodyLimits.DEFAULTS, t);
        assertEquals(List.of("a=1"), t.arguments);
    }

    @Test
    void tooManyArgumentsIsAnErrorAndKeepsTheFirst() {
        RecordingTarget t = run("a=1&b=2&c=3", new BodyLimits(2, 512, 1000));
        assertEquals(List.of("a=1", "b=2"), t.arguments);
        assertTrue(t.error().contains("arguments"), t.error());
    }

    @Test
    void exactlyTheLimitIsFine() {
        RecordingTarget t = run("a=1&b=2", new BodyLimits(2, 512, 1000));
        assertEquals(2, t.arguments.size());
        assertNull(t.error());
    }

    @Test
    void hugeInputIsLinear() {
        String big = "a=%41".repeat(200_000).replace("%41a", "%41&a");
        long start = System.nanoTime();
        assertEquals(200_000, parse(big).size());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    private static RecordingTarget run(String body, BodyLimits limits) {
        RecordingTarget t = new RecordingTarget();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        new UrlEncodedBodyProcessor().process(bytes, bytes.length, "application/x-www-form-urlencoded", limits, t);
        return t;
    }
}
