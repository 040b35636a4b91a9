package dev.parapet.lambda.internal;

import java.nio.charset.StandardCharsets;

/**
 * Converts between the Unicode strings of Lambda events and the byte strings a
 * {@link dev.parapet.engine.Transaction} expects (one {@code char} per byte).
 */
public final class ByteStrings {

    private ByteStrings() {
    }

    /** The UTF-8 bytes of {@code text}, one char per byte; {@code null} becomes empty. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }

    /** Reads a byte string back as UTF-8; invalid sequences become U+FFFD. */
    public static String toText(String byteString) {
        if (byteString == null) {
            return "";
        }
        for (int i = 0; i < byteString.length(); i++) {
            if (byteString.charAt(i) >= 0x80) {
                return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return byteString;
    }
}
