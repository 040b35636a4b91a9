package dev.parapet.engine.internal;

/** ASCII-only case mapping for byte strings (Locale-independent and leaving bytes 0x80–0xFF alone). */
public final class Ascii {

    private Ascii() {
    }

    public static String lower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = s.toCharArray();
        for (; i < n; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            }
        }
        return new String(out);
    }

    public static boolean equalsIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 'A' && x <= 'Z') {
                    x += 32;
                }
                if (y >= 'A' && y <= 'Z') {
                    y += 32;
                }
                if (x != y) {
                    return false;
                }
            }
        }
        return true;
    }
}
