package dev.parapet.operators.libinjection;

import dev.parapet.operators.libinjection.XssBlacklists.AttributeType;
import java.util.HexFormat;

/**
 * libinjection's XSS detector ({@code libinjection_xss()}) in pure Java: the input is tokenized as
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
public final class XssDetector {

    /** {@code values()} clones its array on every call. */
    private static final Html5Context[] CONTEXTS = Html5Context.values();

    private XssDetector() {}

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
        // Every flagged token is a tag name, doctype or comment, reached only through a '<', or an
        // attribute value after a flagged name, reached only through an '='; a context that starts
        // inside a quoted value first reads a value that no name precedes. So without '<' and '='
        // no context flags anything, which spares most benign values all five scans.
        boolean hasTagOpen = input.indexOf('<') >= 0;
        if (!hasTagOpen && input.indexOf('=') < 0) {
            return false;
        }
        Html5Tokenizer tokens = null;
        for (Html5Context context : CONTEXTS) {
            if (!canFlag(input, context, hasTagOpen)) {
                continue;
            }
            if (tokens == null) {
                tokens = new Html5Tokenizer(input, context);
            } else {
                tokens.restart(context);
            }
            if (isXss(input, tokens)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a scan in {@code context} can flag an input that holds a '<' or an '='. Text only
     * leaves the text state at a '<'; a quoted-value context without its quote reads the whole
     * input as one value that no attribute name precedes, and stops.
     */
    private static boolean canFlag(String input, Html5Context context, boolean hasTagOpen) {
        return switch (context) {
            case DATA_STATE -> hasTagOpen;
            case VALUE_NO_QUOTE -> true;
            case VALUE_SINGLE_QUOTE -> input.indexOf('\'') >= 0;
            case VALUE_DOUBLE_QUOTE -> input.indexOf('"') >= 0;
            case VALUE_BACK_QUOTE -> input.indexOf('`') >= 0;
        };
    }

    /** One context of {@link #isXss(String)}: libinjection's {@code libinjection_is_xss()}. */
    static boolean isXss(String s, Html5Context context) {
        return isXss(s, new Html5Tokenizer(s, context));
    }

    /** {@link #isXss(String, Html5Context)} with a tokenizer just (re)started on {@code s}. */
    private static boolean isXss(String s, Html5Tokenizer tokens) {
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
        if (XssBlacklists.TAG_TABLE.indexOfIgnoringNul(s, start, length) != AsciiCaseInsensitiveTable.NOT_FOUND) {
            return true;
        }
        // the prefix test looks at the raw first three chars, NULs included
        return XssBlacklists.TAG_PREFIX_TABLE.indexOf(s, start, 3) != AsciiCaseInsensitiveTable.NOT_FOUND;
    }

    static AttributeType attributeType(String s, int start, int length) {
        if (length < 2) {
            return AttributeType.NONE;
        }
        if (length >= 5) {
            if (isEventHandler(s, start, length)) {
                return AttributeType.BLACK;
            }
            if (XssBlacklists.ATTRIBUTE_PREFIX_TABLE.indexOf(s, start, 5) != AsciiCaseInsensitiveTable.NOT_FOUND) {
                return AttributeType.BLACK;
            }
        }
        int name = XssBlacklists.ATTRIBUTE_TABLE.indexOfIgnoringNul(s, start, length);
        return name == AsciiCaseInsensitiveTable.NOT_FOUND ? AttributeType.NONE : XssBlacklists.ATTRIBUTE_TYPES[name];
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
        int nameStart = start + 2;
        int end = Math.min(start + length, nameStart + XssBlacklists.LONGEST_EVENT);
        int hash = 0;
        for (int i = nameStart; i < end; i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                return false;
            }
            hash = AsciiCaseInsensitiveTable.extendHash(hash, ch);
            if (XssBlacklists.EVENT_TABLE.indexOfHashed(hash, s, nameStart, i + 1 - nameStart)
                    != AsciiCaseInsensitiveTable.NOT_FOUND) {
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
        // IE conditional comment <!--[if ...]> and <!--xml ...
        if (length > 3 && (startsWithUpper(s, start, "[IF") || startsWithUpper(s, start, "XML"))) {
            return true;
        }
        // IE's <?import pseudo-tag and XML entity definitions <!ENTITY
        return length > 5 && (startsWithUpper(s, start, "IMPORT") || startsWithUpper(s, start, "ENTITY"));
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
        for (int i = 0; i < XssBlacklists.URL_PREFIXES.size(); i++) {
            if (htmlEncodedStartsWith(XssBlacklists.URL_PREFIXES.get(i), s, pos, remaining)) {
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

    /** Whether {@code s} at {@code start}, ASCII upper-cased, begins with {@code word}; the caller checked the length. */
    private static boolean startsWithUpper(String s, int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (AsciiCaseInsensitiveTable.upper(s.charAt(start + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
