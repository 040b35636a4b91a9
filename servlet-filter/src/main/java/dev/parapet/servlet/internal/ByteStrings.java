package dev.parapet.servlet.internal;

import java.nio.charset.StandardCharsets;

/** Turns strings from the servlet container into the engine's byte strings (one {@code char} per byte). */
final class ByteStrings {

    private ByteStrings() {
    }

    /**
     * A container string as the bytes that were on the wire. Containers decode header and URI bytes as ISO-8859-1,
     * which already is the byte string; a container that decoded them as UTF-8 (a {@code char} above 0xFF shows it)
     * gets them re-encoded as UTF-8, which is how they were sent.
     */
    static String of(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }
}
