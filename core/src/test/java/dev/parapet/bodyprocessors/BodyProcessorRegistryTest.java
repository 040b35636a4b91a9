package dev.parapet.bodyprocessors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyProcessorRegistryTest {

    @ParameterizedTest
    @CsvSource({
        "URLENCODED, UrlEncodedBodyProcessor",
        "urlencoded, UrlEncodedBodyProcessor",
        "MULTIPART, MultipartBodyProcessor",
        "Multipart, MultipartBodyProcessor",
        "JSON, JsonBodyProcessor",
        "json, JsonBodyProcessor",
        "XML, XmlBodyProcessor",
        "xMl, XmlBodyProcessor",
    })
    void findsKnownProcessors(String name, String className) {
        assertEquals(className, BodyProcessorRegistry.lookup(name).orElseThrow().getClass().getSimpleName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"RAW", "JSONX", " JSON", "multıpart", "URLENCODED;"})
    void unknownNamesAreEmpty(String name) {
        assertTrue(BodyProcessorRegistry.lookup(name).isEmpty());
    }
}
