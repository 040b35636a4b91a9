package dev.parapet.transformations;

/** Byte-string helpers shared by the transformations (C-locale character classes, hex digits). */
final class ByteChars {

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private ByteChars() {
    }

    /** C {@code isspace} in the "C" locale: space, \t, \n, \v, \f, \r. */
    static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** ModSecurity's whitespace set for removeWhitespace/compressWhitespace: C isspace plus NBSP (0xA0). */
    static boolean isSpaceOrNbsp(char c) {
        return isCSpace(c) || c == 0xA0;
    }

    static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Value of a valid hex digit. */
    static int hexValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    /**
     * ModSecurity's {@code x2c}: combines two characters as hex digits WITHOUT validating them
     * (hexDecode relies on this), keeping the low byte of the result.
     */
    static char x2c(char hi, char lo) {
        return (char) (((looseDigit(hi) << 4) + looseDigit(lo)) & 0xFF);
    }

    private static int looseDigit(char c) {
        return c >= 'A' ? ((c & 0xDF) - 'A') + 10 : c - '0';
    }

    static char hexLower(int nibble) {
        return HEX_LOWER[nibble & 0xF];
    }

    /** ASCII-only lowercase, as C {@code tolower} in the "C" locale. */
    static char toLowerAscii(char c) {
        return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }

    static char toUpperAscii(char c) {
        return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
    }

    /** Returns {@code input} when {@code output} has the same content, so callers can test identity. */
    static String sameIfEqual(String input, String output) {
        return input.equals(output) ? input : output;
    }

    /** Converts a byte string to bytes (each char is one byte). */
    static byte[] toBytes(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    /** Converts bytes to a byte string (each byte becomes one char 0x00-0xFF). */
    static String fromBytes(byte[] b, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = (char) (b[i] & 0xFF);
        }
        return new String(c);
    }
}
