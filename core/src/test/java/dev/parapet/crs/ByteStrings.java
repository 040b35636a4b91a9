package dev.parapet.crs;

import java.nio.charset.StandardCharsets;

/** Conversions between Java text, raw bytes and Parapet byte strings (one char per byte). */
final class ByteStrings {
    private ByteStrings() {}

    /** Text as it appears in a YAML/JSON file, sent on the wire the way Go does: UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The byte string view (ISO-8859-1) of raw bytes. */
    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] bytes, int off, int len) {
        return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
    }

    /** Raw bytes of a byte string; chars above 0xFF (never produced here) become '?'. */
    static byte[] bytes(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text from a YAML file as the byte string a Go client would send. */
    static String wire(String text) {
        return latin1(utf8(text));
    }
}
