package dev.parapet.transformations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransformationRegistryTest {

    /** Every transformation in ModSecurity's reference manual except none. */
    static final List<String> ALL_NAMES = List.of(
            "base64Decode", "base64DecodeExt", "base64Encode", "cmdLine", "compressWhitespace", "cssDecode",
            "escapeSeqDecode", "hexDecode", "hexEncode", "htmlEntityDecode", "jsDecode", "length", "lowercase",
            "md5", "normalizePath", "normalizePathWin", "parityEven7bit", "parityOdd7bit", "parityZero7bit",
            "removeComments", "removeCommentsChar", "removeNulls", "removeWhitespace", "replaceComments",
            "replaceNulls", "sha1", "sqlHexDecode", "trim", "trimLeft", "trimRight", "uppercase", "urlDecode",
            "urlDecodeUni", "urlEncode", "utf8toUnicode");

    @Test
    void everyTransformationIsRegisteredUnderItsOwnName() {
        for (String name : ALL_NAMES) {
            Transformation t = TransformationRegistry.lookup(name).orElseThrow(() -> new AssertionError(name));
            assertEquals(name, t.name());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "URLDECODEUNI, urlDecodeUni",
        "utf8ToUnicode, utf8toUnicode",
        "normalisePath, normalizePath",
        "normalizepath, normalizePath",
        "normalisePathWin, normalizePathWin",
        "NormalizePathWin, normalizePathWin",
        "cmdline, cmdLine",
        "SHA1, sha1"
    })
    void namesAreCaseInsensitiveWithAliases(String written, String canonical) {
        assertEquals(canonical, TransformationRegistry.lookup(written).orElseThrow().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "NONE", "", "urlDecodeUnii", "normalise", " lowercase"})
    void noneAndUnknownNamesAreEmpty(String name) {
        assertTrue(TransformationRegistry.lookup(name).isEmpty());
    }

    @Test
    void nullNameIsEmpty() {
        assertTrue(TransformationRegistry.lookup(null).isEmpty());
    }

    @Test
    void lookupsShareOneStatelessInstance() {
        assertSame(TransformationRegistry.lookup("lowercase").orElseThrow(),
                TransformationRegistry.lookup("LOWERCASE").orElseThrow());
    }
}
