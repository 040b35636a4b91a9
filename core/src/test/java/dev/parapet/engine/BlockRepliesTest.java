package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockRepliesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "302, Found", "403, Forbidden", "413, Content Too Large", "429, Too Many Requests",
        "503, Service Unavailable", "399, Redirect", "418, Blocked", "599, Server Error"})
    void reasonPhrases(int status, String phrase) {
        assertEquals(phrase, BlockReplies.reasonPhrase(status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "https://example.com/a?b=c", "relative/path"})
    void plainTargetsAreSafe(String target) {
        assertTrue(BlockReplies.isSafeLocation(target));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/a\r\nSet-Cookie: x=y", "/a\nb", "/a\u0000", "/a\u007f", "/a\tb"})
    void missingTargetsAndControlCharactersAreNot(String target) {
        assertFalse(BlockReplies.isSafeLocation(target));
    }

    @org.junit.jupiter.api.Test
    void lengthIsBounded() {
        assertTrue(BlockReplies.isSafeLocation("/" + "a".repeat(BlockReplies.MAX_LOCATION_LENGTH - 1)));
        assertFalse(BlockReplies.isSafeLocation("/" + "a".repeat(BlockReplies.MAX_LOCATION_LENGTH)));
    }
}
