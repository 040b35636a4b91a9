package dev.parapet.operators.libinjection;

import dev.parapet.operators.libinjection.XssBlacklists.AttributeType;
import java.util.HexFormat;

/**
 * Test oracle: a frozen copy of {@code XssDetector} as it was before the allocation-free rewrite
 * (a tokenizer per context, upper-cased name strings looked up in sets). The equivalence tests
 * compare the production detector against it, so do not "improve" this copy.
 *
 * <p>libinjection's XSS detector ({@code libinjection_xss()}) in pure Java: the input is tokenized as
 * HTML5 in five contexts (plain text, inside a tag, inside single-, double- and back-quoted
 * attribute values) and flagged when any context yields a dangerous construct: a doctype, a
 * blacklisted tag ({@code script}, {@code iframe}, anything {@code svg*}/{@code xsl*}, …), an event
 * handler or other always-dangerous attribute ({@code onerror}, {@code style}, {@code xmlns*}, …),
 * a URL attribute whose value starts with {@code javascript:}, {@code vbscript:}, {@code data:} or
 * {@code view-source:} (numeric character references decoded, leading blanks skipped), or a
 * suspicious comment ({@code <!--[if}, {@code <?import}, {@code <!ENTITY}, a back-quote).
 *
 * <p>Like libinjection it does no decoding of its own beyond numeric character references inside
 * URL values; callers apply transformations (URL decoding, entity decoding) first. Runs in time
 * linear in the input length and never throws on any string.
 *
 * <p>Ported from libinjection (Copyright (c) 2012-2016 Nick Galbreath, BSD-3-Clause; see
 * {@code LICENSE-libinjection.txt} in this package's resources).
 */
final class ReferenceXssDetector {

    private ReferenceXssDetector() {}

    /**
     * Whether the byte string (one byte per {@code char}) looks like an XSS attack.
     *
     * @param input the value to inspect; {@code null} is treated as empty
     * @return {@code true} when any of libinjection's five HTML contexts finds a dangerous construct
     */
    public static boolean isXss(String input) {
        if (input == null || input.isEmpty()) {
            return false;
        }
        for (Html5Context context : Html5Context.values()) {
            if (isXss(input, context)) {
                return true;
            }
        }
        return false;
    }

    /** One context of {@link #isXss(String)}: libinjection's {@code libinjection_is_xss()}. */
    static boolean isXss(String s, Html5Context context) {
        ReferenceHtml5Tokenizer tokens = new ReferenceHtml5Tokenizer(s, context);
        AttributeType attribute = AttributeType.NONE;
        while (tokens.next()) {
            Html5TokenType type = tokens.tokenType();
            int start = tokens.tokenStart();
            int length = tokens.tokenLength();
            if (type != Html5TokenType.ATTR_VALUE) {
                attribute = AttributeType.NONE;
            }
            switch (type) {
                case DOCTYPE -> {
                    return true;
                }
                case TAG_NAME_OPEN -> {
                    if (isBlackTag(s, start, length)) {
                        return true;
                    }
                }
                case ATTR_NAME -> attribute = attributeType(s, start, length);
                case ATTR_VALUE -> {
                    boolean dangerous = switch (attribute) {
                        case NONE -> false;
                        case BLACK, STYLE -> true;
                        case URL -> isBlackUrl(s, start, length);
                        case INDIRECT -> attributeType(s, start, length) != AttributeType.NONE;
                    };
                    if (dangerous) {
                        return true;
                    }
                    attribute = AttributeType.NONE;
                }
                case TAG_COMMENT -> {
                    if (isBlackComment(s, start, length)) {
                        return true;
                    }
                }
                default -> {
                    // text and tag ends carry no signal
                }
            }
        }
        return false;
    }

    static boolean isBlackTag(String s, int start, int length) {
        if (length < 3) {
            return false;
        }
        String name = foldedWithoutNul(s, start, length, 8);
        if (name != null && XssBlacklists.TAGS.contains(name)) {
            return true;
        }
        // the prefix test looks at the raw first three chars, NULs included
        return XssBlacklists.TAG_PREFIXES.contains(folded(s, start, 3));
    }

    static AttributeType attributeType(String s, int start, int length) {
        if (length < 2) {
            return AttributeType.NONE;
        }
        if (length >= 5) {
            if (isEventHandler(s, start, length)) {
                return AttributeType.BLACK;
            }
            if (XssBlacklists.ATTRIBUTE_PREFIXES.contains(folded(s, start, 5))) {
                return AttributeType.BLACK;
            }
        }
        String name = foldedWithoutNul(s, start, length, 13);
        if (name == null) {
            return AttributeType.NONE;
        }
        return XssBlacklists.ATTRIBUTES.getOrDefault(name, AttributeType.NONE);
    }

    /**
     * {@code on} followed by a known event name as a prefix. libinjection compares a window as long
     * as the event name and skips NULs in it, which can only match when the window holds no NUL; so
     * the search runs over the NUL-free stretch after {@code on}.
     */
    private static boolean isEventHandler(String s, int start, int length) {
        char o = s.charAt(start);
        char n = s.charAt(start + 1);
        if ((o != 'o' && o != 'O') || (n != 'n' && n != 'N')) {
            return false;
        }
        StringBuilder name = new StringBuilder(XssBlacklists.LONGEST_EVENT);
        int end = start + length;
        for (int i = start + 2; i < end && name.length() < XssBlacklists.LONGEST_EVENT; i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                return false;
            }
            name.append(upper(ch));
            if (XssBlacklists.EVENTS.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlackComment(String s, int start, int length) {
        // IE treats '`' as a tag-ending char
        for (int i = start; i < start + length; i++) {
            if (s.charAt(i) == '`') {
                return true;
            }
        }
        if (length > 3) {
            String head = folded(s, start, 3);
            // IE conditional comment <!--[if ...]> and <!--xml ...
            if (head.equals("[IF") || head.equals("XML")) {
                return true;
            }
        }
        if (length > 5) {
            // IE's <?import pseudo-tag and XML entity definitions <!ENTITY
            String head = folded(s, start, 6);
            return head.equals("IMPORT") || head.equals("ENTITY");
        }
        return false;
    }

    /**
     * Whether a URL-typed attribute value starts with a dangerous scheme. Leading control chars,
     * blanks and non-ASCII bytes are skipped (Opera accepts UTF-8 spaces, EUC-JP drops some bytes).
     */
    static boolean isBlackUrl(String s, int start, int length) {
        int pos = start;
        int remaining = length;
        while (remaining > 0 && (s.charAt(pos) <= 32 || s.charAt(pos) >= 127)) {
            pos++;
            remaining--;
        }
        for (String scheme : XssBlacklists.URL_PREFIXES) {
            if (htmlEncodedStartsWith(scheme, s, pos, remaining)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the HTML-encoded text {@code s[pos, pos+n)} starts with {@code prefix} (upper case),
     * ignoring case, numeric character references, leading control chars, and NUL and LF anywhere.
     */
    static boolean htmlEncodedStartsWith(String prefix, String s, int pos, int n) {
        int matched = 0;
        boolean first = true;
        while (n > 0) {
            if (matched == prefix.length()) {
                return true;
            }
            long decoded = decodeCharAt(s, pos, n);
            int ch = (int) decoded;
            int consumed = (int) (decoded >>> 32);
            pos += consumed;
            n -= consumed;
            if (first && ch <= 32) {
                continue;
            }
            first = false;
            if (ch == 0 || ch == '\n') {
                continue;
            }
            if (ch >= 'a' && ch <= 'z') {
                ch -= 0x20;
            }
            // libinjection compares (char) ch: a reference beyond 0xFF counts by its low byte
            if (prefix.charAt(matched) != (ch & 0xFF)) {
                return false;
            }
            matched++;
        }
        return matched == prefix.length();
    }

    /** The largest code point libinjection decodes; beyond it the '&' stands for itself. */
    private static final int MAX_REFERENCE = 0x1000FF;

    /**
     * Decodes one char at {@code s[pos]} (with {@code n >= 1} chars left), turning numeric character
     * references {@code &#65;} / {@code &#x41;} (with or without ';') into their value. Returns
     * {@code consumed << 32 | value}; consumed never exceeds {@code n}. Reads stop at the token end
     * where libinjection may peek one or two bytes further: those bytes are delimiters there, never
     * digits, so the results agree.
     */
    static long decodeCharAt(String s, int pos, int n) {
        char c = s.charAt(pos);
        if (c != '&' || n < 2) {
            return packed(c, 1);
        }
        if (s.charAt(pos + 1) != '#') {
            // named entities are not decoded: they are not needed to spot a scheme
            return packed('&', 1);
        }
        char marker = charAt(s, pos, n, 2);
        if (marker == 'x' || marker == 'X') {
            int digit = hexValue(charAt(s, pos, n, 3));
            if (digit < 0) {
                return packed('&', 1);
            }
            int value = digit;
            int i = 4;
            while (i < n) {
                char ch = s.charAt(pos + i);
                if (ch == ';') {
                    return packed(value, i + 1);
                }
                digit = hexValue(ch);
                if (digit < 0) {
                    return packed(value, i);
                }
                value = value * 16 + digit;
                if (value > MAX_REFERENCE) {
                    return packed('&', 1);
                }
                i++;
            }
            return packed(value, Math.min(i, n));
        }
        if (marker < '0' || marker > '9') {
            return packed('&', 1);
        }
        int value = marker - '0';
        int i = 3;
        while (i < n) {
            char ch = s.charAt(pos + i);
            if (ch == ';') {
                return packed(value, i + 1);
            }
            if (ch < '0' || ch > '9') {
                return packed(value, i);
            }
            value = value * 10 + (ch - '0');
            if (value > MAX_REFERENCE) {
                return packed('&', 1);
            }
            i++;
        }
        return packed(value, Math.min(i, n));
    }

    private static long packed(int value, int consumed) {
        return ((long) consumed << 32) | (value & 0xFFFFFFFFL);
    }

    /** {@code s[pos + i]} inside the {@code n}-char window, NUL beyond it. */
    private static char charAt(String s, int pos, int n, int i) {
        return i < n ? s.charAt(pos + i) : 0;
    }

    /** The value of an ASCII hex digit, or -1 ({@link HexFormat} accepts only 0-9, a-f and A-F). */
    private static int hexValue(char ch) {
        return HexFormat.isHexDigit(ch) ? HexFormat.fromHexDigit(ch) : -1;
    }

    private static char upper(char ch) {
        return ch >= 'a' && ch <= 'z' ? (char) (ch - 0x20) : ch;
    }

    /** The first {@code count} chars at {@code start} (fewer at the end), ASCII upper-cased. */
    private static String folded(String s, int start, int count) {
        int end = Math.min(s.length(), start + count);
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            out.append(upper(s.charAt(i)));
        }
        return out.toString();
    }

    /**
     * {@code s[start, start+length)} without NULs, ASCII upper-cased: libinjection's
     * {@code cstrcasecmp_with_null} equality. {@code null} when longer than {@code max} (no list
     * entry can match then), which keeps the work bounded for huge tokens.
     */
    private static String foldedWithoutNul(String s, int start, int length, int max) {
        StringBuilder out = new StringBuilder(Math.min(length, max));
        for (int i = start; i < start + length; i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                continue;
            }
            if (out.length() == max) {
                return null;
            }
            out.append(upper(ch));
        }
        return out.toString();
    }
}
