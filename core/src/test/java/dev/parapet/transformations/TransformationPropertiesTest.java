package dev.parapet.transformations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties that hold for all transformations or for groups of them, on arbitrary byte strings. */
class TransformationPropertiesTest {

    /** Transformations whose output is never longer than their input. */
    private static final List<String> SHRINKING = List.of(
            "urlDecode", "urlDecodeUni", "jsDecode", "cssDecode", "escapeSeqDecode", "htmlEntityDecode",
            "base64Decode", "base64DecodeExt", "hexDecode", "sqlHexDecode", "removeNulls", "replaceNulls",
            "removeWhitespace", "compressWhitespace", "replaceComments", "removeComments", "removeCommentsChar",
            "cmdLine", "normalizePath", "normalizePathWin", "trim", "trimLeft", "trimRight", "lowercase",
            "uppercase", "parityEven7bit", "parityOdd7bit", "parityZero7bit");

    /** Transformations for which applying twice equals applying once. */
    private static final List<String> IDEMPOTENT = List.of(
            "lowercase", "uppercase", "removeNulls", "replaceNulls", "removeWhitespace", "compressWhitespace",
            "trim", "trimLeft", "trimRight", "parityZero7bit");
    // parityEven7bit/parityOdd7bit are not: like ModSecurity they count bit 7 of the input too.

    /** Byte strings biased towards the characters the decoders care about. */
    @Provide
    Arbitrary<String> byteStrings() {
        Arbitrary<Character> interesting = Arbitraries.of('%', 'u', 'U', 'x', 'X', '&', '#', ';', '\\', '/', '*',
                '.', '-', '<', '!', '>', '0', '7', 'f', 'F', 'a', '=', '+', ' ', '\t', '\n', '\0',
                (char) 0xA0, (char) 0xC3, (char) 0xA9, (char) 0xEF, (char) 0xBC, (char) 0xF0, (char) 0x80,
                (char) 0xFF);
        Arbitrary<Character> any = Arbitraries.chars().range('\0', (char) 0xFF);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, interesting),
                        net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(40)
                .map(chars -> {
                    StringBuilder sb = new StringBuilder();
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(TransformationRegistryTest.ALL_NAMES);
    }

    @Property(tries = 3000)
    void neverThrowsAndOutputsBytes(@ForAll("names") String name, @ForAll("byteStrings") String input) {
        Transformation t = TransformationRegistry.lookup(name).orElseThrow();
        String out = t.apply(input);
        assertTrue(out.chars().allMatch(c -> c <= 0xFF), () -> name + " produced a char above 0xFF");
        if (out.equals(input)) {
            assertSame(input, out, () -> name + " must return the input instance when unchanged");
        }
    }

    @Property(tries = 2000)
    void decodersNeverGrow(@ForAll("byteStrings") String input) {
        for (String name : SHRINKING) {
            String out = TransformationRegistry.lookup(name).orElseThrow().apply(input);
            assertTrue(out.length() <= input.length(), () -> name + " grew " + input.length() + " -> " + out.length());
        }
    }

    @Property(tries = 1000)
    void idempotentWhereExpected(@ForAll("byteStrings") String input) {
        for (String name : IDEMPOTENT) {
            Transformation t = TransformationRegistry.lookup(name).orElseThrow();
            String once = t.apply(input);
            assertEquals(once, t.apply(once), name);
        }
    }

    @Property(tries = 1000)
    void encodersRoundTrip(@ForAll("byteStrings") String input) {
        assertEquals(input, new HexDecode().apply(new HexEncode().apply(input)));
        assertEquals(input, new Base64Decode().apply(new Base64Encode().apply(input)));
        assertEquals(input, new Base64DecodeExt().apply(new Base64Encode().apply(input)));
        assertEquals(input, new UrlDecode().apply(new UrlEncode().apply(input)));
        assertEquals(input, new UrlDecodeUni().apply(new UrlEncode().apply(input)));
    }

    @Property(tries = 1000)
    void utf8toUnicodeOutputIsAscii7OrCopiedBytes(@ForAll("byteStrings") String input) {
        String out = new Utf8ToUnicode().apply(input);
        // Valid multibyte sequences become ASCII; only raw bytes from the input survive above 0x7F.
        assertTrue(out.chars().filter(c -> c > 0x7F).allMatch(c -> input.indexOf(c) >= 0));
    }

    @Property(tries = 500)
    void lengthIsDecimalLength(@ForAll("byteStrings") String input) {
        assertEquals(Integer.toString(input.length()), new Length().apply(input));
    }

    static Stream<Arguments> hugeInputs() {
        String[] patterns = {"%u", "%", "&#", "&#x", "&", "\\", "\\u", "/*", "*/", "<!--", "--", "../", "./",
                "//", "0x", "\u00c3", "\u00e2\u0096", "==", "A", " \t", "\0"};
        return TransformationRegistryTest.ALL_NAMES.stream()
                .flatMap(name -> Stream.of(patterns).map(p -> Arguments.of(name, p)));
    }

    /** 1 MB of adversarial repetition must finish quickly (linear time) and not throw. */
    @ParameterizedTest(name = "{0} on 1MB of {1}")
    @MethodSource("hugeInputs")
    void megabyteInputsRunInLinearTime(String name, String pattern) {
        String input = pattern.repeat((1 << 20) / pattern.length());
        Transformation t = TransformationRegistry.lookup(name).orElseThrow();
        String out = assertTimeout(Duration.ofSeconds(10), () -> t.apply(input));
        assertTrue(out.length() <= 4 * input.length() + 64);
    }

    /** Short strings of the characters that cmdLine and the path normalisers treat specially. */
    @Provide
    Arbitrary<String> pathsAndCommands() {
        return Arbitraries.of('.', '/', '\\', ' ', '(', ',', ';', '"', '^', 'a', 'A', '3', '\t')
                .list().ofMaxSize(12)
                .map(chars -> {
                    StringBuilder sb = new StringBuilder();
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    /** The copy-free ways out of cmdLine and normalizePath(Win) give what the full rewrite gives. */
    @Property(tries = 5000)
    void shortcutsAgreeWithTheFullRewrite(@ForAll("pathsAndCommands") String input) {
        assertEquals(CmdLine.rewrite(input), new CmdLine().apply(input));
        if (!input.isEmpty()) {
            assertEquals(NormalizePath.normalize(input.toCharArray()), new NormalizePath().apply(input));
            assertEquals(NormalizePath.normalize(input.replace('\\', '/').toCharArray()),
                    new NormalizePathWin().apply(input));
        }
    }
}
