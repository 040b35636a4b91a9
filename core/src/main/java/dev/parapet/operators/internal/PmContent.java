package dev.parapet.operators.internal;

/**
 * ModSecurity's phrase-content syntax for {@code @pm}, {@code @pmFromFile} lines and {@code @strmatch}:
 * surrounding double quotes are removed, {@code |41 42|} switches to hexadecimal bytes, and a backslash
 * escapes {@code :}, {@code ;}, {@code \} or {@code "}.
 *
 * <p>As in ModSecurity v2 ({@code parse_pm_content}): leading whitespace is skipped; an unsupported escape
 * or an empty result makes the caller fall back to the raw text; when nothing was converted the text is
 * kept exactly as written (so a lone {@code |} without hex digits stays literal).
 */
public final class PmContent {

    private PmContent() {
    }

    /** The decoded content, or {@code null} where ModSecurity reports an error (callers use the raw text). */
    public static String decode(String text) {
        int offset = 0;
        while (offset < text.length() && isSpace(text.charAt(offset))) {
            offset++;
        }
        String parm;
        if (offset < text.length() && text.charAt(offset) == '"' && text.length() - offset >= 2
                && text.charAt(text.length() - 1) == '"') {
            parm = text.substring(offset + 1, text.length() - 1);
        } else {
            parm = text.substring(offset);
        }
        if (parm.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(parm.length());
        boolean hex = false;
        boolean escaped = false;
        boolean converted = false;
        int pendingNibble = -1;
        for (int i = 0; i < parm.length(); i++) {
            char c = parm.charAt(i);
            if (c == '|') {
                hex = !hex;
            } else if (!escaped && c == '\\') {
                escaped = true;
            } else if (hex) {
                int v = Character.digit(c, 16);
                if (v >= 0 && c < 0x80) {
                    if (pendingNibble < 0) {
                        pendingNibble = v;
                    } else {
                        out.append((char) (pendingNibble << 4 | v));
                        pendingNibble = -1;
                        converted = true;
                    }
                }
                // other characters inside |...| (spaces) are ignored
            } else if (escaped) {
                if (c == ':' || c == ';' || c == '\\' || c == '"') {
                    out.append(c);
                } else {
                    return null;
                }
                escaped = false;
                converted = true;
            } else {
                out.append(c);
            }
        }
        return converted ? out.toString() : parm;
    }

    /** C {@code isspace} in the C locale. */
    public static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
