package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodyProcessorTest {

    private static RecordingTarget run(String json, BodyLimits limits) {
        RecordingTarget t = new RecordingTarget();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        new JsonBodyProcessor().process(bytes, bytes.length, "application/json", limits, t);
        return t;
    }

    private static RecordingTarget run(String json) {
        return run(json, BodyLimits.DEFAULTS);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":{\"b\":1}}                      | json.a.b=1",
        "{\"a\":\"x\",\"b\":true,\"c\":false,\"d\":null} | json.a=x;json.b=true;json.c=false;json.d=",
        "{\"a\":[5,6]}                          | json.a.0=5;json.a.1=6;json.a=2",
        "{\"a\":[]}                             | ",
        "{\"a\":{}}                             | ",
        "{}                                     | ",
        "[1,{\"k\":\"v\"}]                      | json.0=1;json.1.k=v;json=2",
        "[[1],[2,3]]                            | json.0.0=1;json.0=1;json.1.0=2;json.1.1=3;json.1=2;json=2",
        "\"top\"                                | json=top",
        "42                                     | json=42",
        "null                                   | json=",
        "{\"n\":1.50,\"e\":-1e3}                | json.n=1.50;json.e=-1e3",
        "{\"\":1}                               | json.=1",
        "{\"a.b\":1}                            | json.a.b=1",
        "{\"a\":{\"b\":[{\"c\":\"d\"}]},\"z\":0} | json.a.b.0.c=d;json.a.b=1;json.z=0",
        "{\"q\":\"a\\\"b\\\\c\"}               | json.q=a\"b\\c",
        "  {\"a\":1}                           | json.a=1",
    })
    void flattens(String json, String expected) {
        RecordingTarget t = run(json);
        assertNull(t.error());
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(";"));
        assertEquals(want, t.arguments);
    }

    @Test
    void unicodeBecomesUtf8Bytes() {
        RecordingTarget t = run("{\"cl\u00e9\":\"\u20ac\\u00e9\"}");
        assertNull(t.error());
        assertEquals(List.of("json.cl\u00c3\u00a9=\u00e2\u0082\u00ac\u00c3\u00a9"), t.arguments);
    }

    @Test
    void emptyBodyHasNoArgumentsAndNoError() {
        RecordingTarget t = run("");
        assertNull(t.error());
        assertEquals(List.of(), t.arguments);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":1,\"b\":                 | json.a=1",
        "{\"a\":1,}                      | json.a=1",
        "{\"a\":1} x                     | json.a=1",
        "{\"a\":1} {\"b\":2}             | json.a=1",
        "[1,2                            | json.0=1;json.1=2",
        "{'a':1}                         | ",
        "{\"a\":tru}                     | ",
        "nope                            | ",
    })
    void invalidJsonKeepsWhatWasParsed(String json, String expected) {
        RecordingTarget t = run(json);
        assertTrue(t.error() != null && t.error().startsWith("JSON parsing error: "), String.valueOf(t.error()));
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(";"));
        assertEquals(want, t.arguments);
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        RecordingTarget t = new RecordingTarget();
        new JsonBodyProcessor().process(bytes, bytes.length, null, BodyLimits.DEFAULTS, t);
        assertTrue(t.error() != null, "expected an error, got " + t.arguments);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, false", "1, 2, true", "3, 3, false", "3, 4, true", "512, 600, true"})
    void depthLimit(int limit, int depth, boolean error) {
        String json = "[".repeat(depth) + "1" + "]".repeat(depth);
        RecordingTarget t = run(json, new BodyLimits(1000, limit, 1000));
        if (error) {
            assertTrue(t.error() != null && t.error().contains("depth"), String.valueOf(t.error()));
        } else {
            assertNull(t.error());
            assertEquals("json" + ".0".repeat(depth) + "=1", t.arguments.get(0));
        }
    }

    @Test
    void deepNestingBeyondJacksonDefaultDoesNotOverflow() {
        // Jackson's own default depth limit is 1000; ours (maxJsonDepth) replaces it.
        String json = "[".repeat(1_010) + "]".repeat(1_010);
        RecordingTarget t = run(json, new BodyLimits(100_000, 200_000, 1000));
        assertNull(t.error());
        assertEquals(1_009, t.arguments.size());
    }

    @Test
    void longKeyRepeatedOverArrayIsBounded() {
        String json = "{\"" + "k".repeat(300_000) + "\":[" + "1,".repeat(999) + "1]}";
        RecordingTarget t = run(json);
        assertTrue(t.error() != null && t.error().contains("64 times"), String.valueOf(t.error()));
        assertTrue(t.arguments.size() < 300, "arguments: " + t.arguments.size());
    }

    @ParameterizedTest
    @CsvSource({"'', -1", "41, -1", "c3a9, -1", "e282ac, -1", "f09f9880, -1", "4180, 1", "c328, 0", "c0af, 0",
        "e080af, 0", "eda080, 0", "f4908080, 0", "ff, 0", "41e282, 1", "f8888080, 0"})
    void utf8Validation(String hex, int invalidAt) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        assertEquals(invalidAt, JsonBodyProcessor.firstInvalidUtf8(bytes, bytes.length));
    }

    @Test
    void argumentLimit() {
        RecordingTarget t = run("{\"a\":1,\"b\":2,\"c\":3}", new BodyLimits(2, 512, 1000));
        assertEquals(List.of("json.a=1", "json.b=2"), t.arguments);
        assertTrue(t.error().contains("arguments"), t.error());
    }

    @Test
    void honoursLength() {
        byte[] bytes = "{\"a\":1}GARBAGE".getBytes(StandardCharsets.UTF_8);
        RecordingTarget t = new RecordingTarget();
        new JsonBodyProcessor().process(bytes, 7, null, BodyLimits.DEFAULTS, t);
        assertNull(t.error());
        assertEquals(List.of("json.a=1"), t.arguments);
    }
}
