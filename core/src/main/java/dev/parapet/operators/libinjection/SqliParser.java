package dev.parapet.operators.libinjection;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of libinjection's SQLi engine over one input: tokenizer, folder, fingerprint and the
 * false-positive filter, written after libinjection's {@code libinjection_sqli.c}
 * (BSD-3-Clause). Mutable and single-use per thread; {@link SqliDetector} creates one per call.
 *
 * <p>Token values are views into the input (or, for a merged keyword phrase, into the phrase),
 * not copies, and keywords are looked up in place: a benign argument allocates the parser and a
 * few token slots, nothing per token.
 *
 * <p>The input is a byte string (one byte per {@code char}, all below 0x100). Behaviour that
 * depends on C details is kept on purpose: token values are truncated to 31 bytes, a NUL byte
 * counts as "in the set" for span scans and as a stop byte for word scans, and bytes from 0x80 are
 * negative (signed {@code char}) where libinjection compares them numerically.
 */
final class SqliParser {

    static final int FLAG_QUOTE_NONE = 1;
    static final int FLAG_QUOTE_SINGLE = 2;
    static final int FLAG_QUOTE_DOUBLE = 4;
    static final int FLAG_SQL_ANSI = 8;
    static final int FLAG_SQL_MYSQL = 16;

    static final char TYPE_NONE = 0;
    static final char TYPE_KEYWORD = 'k';
    static final char TYPE_UNION = 'U';
    static final char TYPE_GROUP = 'B';
    static final char TYPE_EXPRESSION = 'E';
    static final char TYPE_SQLTYPE = 't';
    static final char TYPE_FUNCTION = 'f';
    static final char TYPE_BAREWORD = 'n';
    static final char TYPE_NUMBER = '1';
    static final char TYPE_VARIABLE = 'v';
    static final char TYPE_STRING = 's';
    static final char TYPE_OPERATOR = 'o';
    static final char TYPE_LOGIC_OPERATOR = '&';
    static final char TYPE_COMMENT = 'c';
    static final char TYPE_COLLATE = 'A';
    static final char TYPE_LEFTPARENS = '(';
    static final char TYPE_RIGHTPARENS = ')';
    static final char TYPE_LEFTBRACE = '{';
    static final char TYPE_RIGHTBRACE = '}';
    static final char TYPE_DOT = '.';
    static final char TYPE_COMMA = ',';
    static final char TYPE_COLON = ':';
    static final char TYPE_SEMICOLON = ';';
    static final char TYPE_TSQL = 'T';
    static final char TYPE_UNKNOWN = '?';
    static final char TYPE_EVIL = 'X';
    static final char TYPE_BACKSLASH = '\\';

    /** libinjection's {@code stoken_t.val} holds 32 bytes including the terminating NUL. */
    static final int TOKEN_SIZE = 32;
    static final int MAX_TOKENS = 5;

    private static final char CHAR_SINGLE = '\'';
    private static final char CHAR_DOUBLE = '"';
    private static final char CHAR_TICK = '`';

    /** Bytes that end a bare word (NUL included, as {@code strchr} finds the terminator). */
    private static final boolean[] WORD_STOP = byteSet(" []{}<>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r\"\u00a0\0");
    /** Bytes that end a variable name. */
    private static final boolean[] VAR_STOP = byteSet(" <>:\\?=@!#~+-*/&|^%(),';\t\n\u000b\f\r'`\"\0");
    private static final boolean[] WHITE = byteSet(" \t\n\u000b\f\r\u00a0\0");
    /** Span sets also accept NUL: libinjection tests membership with {@code strchr}. */
    private static final boolean[] MONEY_DIGITS = byteSet("0123456789.,\0");
    private static final boolean[] MONEY_TAG = byteSet("abcdefghjiklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\0");
    private static final boolean[] HEX_DIGITS = byteSet("0123456789ABCDEFabcdef\0");
    private static final boolean[] BIN_DIGITS = byteSet("01\0");

    /**
     * Mutable token slot, the Java form of libinjection's {@code stoken_t}. Its value, at most 31
     * bytes, is {@code text[textStart, textStart + len)}: {@code text} is the input for everything
     * the tokenizer reads, so a value is a view and costs no copy.
     */
    static final class Token {
        int pos;
        int len;
        int count;
        char type;
        char strOpen;
        char strClose;
        String text = "";
        int textStart;

        void clear() {
            pos = 0;
            len = 0;
            count = 0;
            type = TYPE_NONE;
            strOpen = 0;
            strClose = 0;
            text = "";
            textStart = 0;
        }

        /** Takes {@code input[from, to)}, cut to 31 bytes, as its value, like {@code st_assign}. */
        void assign(char newType, String input, int from, int to) {
            type = newType;
            pos = from;
            len = Math.min(to - from, TOKEN_SIZE - 1);
            text = input;
            textStart = from;
        }

        /** Takes a merged phrase (under 32 bytes) as its value; the position stays the first word's. */
        void assignPhrase(char newType, String phrase) {
            type = newType;
            len = phrase.length();
            text = phrase;
            textStart = 0;
        }

        void copyFrom(Token o) {
            pos = o.pos;
            len = o.len;
            count = o.count;
            type = o.type;
            strOpen = o.strOpen;
            strClose = o.strClose;
            text = o.text;
            textStart = o.textStart;
        }

        /** The value byte at {@code i}; NUL past the value, as in libinjection's zero-filled buffer. */
        char valAt(int i) {
            return i < len ? text.charAt(textStart + i) : 0;
        }

        /** Whether the value equals an upper-case word, ASCII case-insensitively. */
        boolean valIs(String upperWord) {
            return len == upperWord.length() && startsWith(upperWord);
        }

        /** Whether the value starts with an upper-case word, ASCII case-insensitively. */
        boolean startsWith(String upperWord) {
            if (len < upperWord.length()) {
                return false;
            }
            for (int i = 0; i < upperWord.length(); i++) {
                if (AsciiCaseInsensitiveTable.upper(text.charAt(textStart + i)) != upperWord.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the value, read as a C string (up to its first NUL), holds {@code c}. */
        boolean cStringContains(char c) {
            for (int i = 0; i < len; i++) {
                char v = text.charAt(textStart + i);
                if (v == 0) {
                    return false;
                }
                if (v == c) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the value, read as a C string (up to its first NUL), is exactly {@code expected}. */
        boolean cStringIs(String expected) {
            int n = expected.length();
            if (len < n || (len > n && text.charAt(textStart + n) != 0)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (text.charAt(textStart + i) != expected.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        String value() {
            return text.substring(textStart, textStart + len);
        }

        SqliToken snapshot() {
            return new SqliToken(type, value(), pos, strOpen, strClose, count);
        }
    }

    private final SqliData data;
    private String s;
    private int slen;

    private int flags;
    private int pos;
    /** Slots are created on first use: most benign inputs fold to one or two tokens. */
    private final Token[] tokenvec = new Token[8];
    /** The comment read last while folding, if no other token followed it; created on first use. */
    private Token lastComment;
    /** The slot {@link #tokenize()} fills, or null while slot {@link #currentIndex} does not exist yet. */
    private Token current;
    private int currentIndex;
    /** Length of the last fingerprint; its chars are the types of the first tokens. */
    private int fingerprintLength;

    private int statsCommentDdx;
    private int statsCommentHash;
    private int statsTokens;

    SqliParser(SqliData data, String input, int flags) {
        this.data = data;
        this.s = input;
        this.slen = input.length();
        reset(flags);
    }

    /** Starts over on another input, keeping the token slots already created. */
    void restart(String input, int newFlags) {
        s = input;
        slen = input.length();
        reset(newFlags);
    }

    /** Drops every reference to the last input (its text and the tokens' views of it). */
    void release() {
        s = "";
        slen = 0;
        for (Token t : tokenvec) {
            if (t != null) {
                t.clear();
            }
        }
        if (lastComment != null) {
            lastComment.clear();
        }
    }

    /** Whether {@link #release()} left nothing of the input behind. */
    boolean released() {
        if (!s.isEmpty() || (lastComment != null && !lastComment.text.isEmpty())) {
            return false;
        }
        for (Token t : tokenvec) {
            if (t != null && !t.text.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Re-initialises the state for another pass over the same input ({@code libinjection_sqli_reset}). */
    void reset(int newFlags) {
        flags = newFlags == 0 ? FLAG_QUOTE_NONE | FLAG_SQL_ANSI : newFlags;
        pos = 0;
        for (Token t : tokenvec) {
            if (t != null) {
                t.clear();
            }
        }
        readInto(0);
        fingerprintLength = 0;
        statsCommentDdx = 0;
        statsCommentHash = 0;
        statsTokens = 0;
    }

    /** Token slot {@code i}, created cleared on first use. */
    private Token token(int i) {
        Token t = tokenvec[i];
        if (t == null) {
            t = new Token();
            tokenvec[i] = t;
        }
        return t;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean[] byteSet(String chars) {
        boolean[] set = new boolean[256];
        for (int i = 0; i < chars.length(); i++) {
            set[chars.charAt(i)] = true;
        }
        return set;
    }

    /** Upper-cases ASCII letters only, as libinjection's {@code cstrcasecmp}. */
    static String asciiUpper(String value) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                break;
            }
            i++;
        }
        if (i == n) {
            return value;
        }
        char[] out = value.toCharArray();
        for (; i < n; i++) {
            char c = out[i];
            if (c >= 'a' && c <= 'z') {
                out[i] = (char) (c - 0x20);
            }
        }
        return new String(out);
    }

    /** The byte at {@code i}, or 0 past the end (reads of the C terminator). */
    private char at(int i) {
        return i < slen ? s.charAt(i) : 0;
    }

    private int span(int from, boolean[] set) {
        int i = from;
        while (i < slen && set[s.charAt(i)]) {
            i++;
        }
        return i - from;
    }

    private int cspan(int from, boolean[] stop) {
        int i = from;
        while (i < slen && !stop[s.charAt(i)]) {
            i++;
        }
        return i - from;
    }

    private static boolean isWhite(char ch) {
        return WHITE[ch];
    }

    /** Finds the two-byte sequence {@code c0 c1} at or after {@code from}; -1 if absent. */
    private int find2(int from, char c0, char c1) {
        for (int i = Math.max(from, 0); i + 1 < slen; i++) {
            if (s.charAt(i) == c0 && s.charAt(i + 1) == c1) {
                return i;
            }
        }
        return -1;
    }

    private char lookupWord(String text, int from, int length) {
        return data.lookupWord(text, from, length);
    }

    private char flagToDelim() {
        if ((flags & FLAG_QUOTE_SINGLE) != 0) {
            return CHAR_SINGLE;
        } else if ((flags & FLAG_QUOTE_DOUBLE) != 0) {
            return CHAR_DOUBLE;
        }
        return 0;
    }

    private static boolean isArithmeticOp(Token t) {
        char ch = t.valAt(0);
        return t.type == TYPE_OPERATOR && t.len == 1
                && (ch == '*' || ch == '/' || ch == '-' || ch == '+' || ch == '%');
    }

    private static boolean isUnaryOp(Token t) {
        if (t.type != TYPE_OPERATOR) {
            return false;
        }
        return switch (t.len) {
            case 1 -> {
                char c = t.valAt(0);
                yield c == '+' || c == '-' || c == '!' || c == '~';
            }
            case 2 -> t.valAt(0) == '!' && t.valAt(1) == '!';
            case 3 -> t.valIs("NOT");
            default -> false;
        };
    }

    // ---------------------------------------------------------------- tokenizer

    /** Reads the next token into {@link #current}; false when the input is exhausted. */
    boolean tokenize() {
        if (slen == 0) {
            return false;
        }
        boolean quoteContextStart = pos == 0 && (flags & (FLAG_QUOTE_SINGLE | FLAG_QUOTE_DOUBLE)) != 0;
        if (!quoteContextStart) {
            // white space makes no token; if nothing else is left, the slot need not exist
            while (pos < slen && data.charClass(s.charAt(pos)) == SqliCharClass.WHITE) {
                pos++;
            }
            if (pos >= slen) {
                if (current != null) {
                    current.clear();
                }
                return false;
            }
        }
        if (current == null) {
            current = token(currentIndex);
        }
        current.clear();
        // in a quote context, pretend the input starts with an opening quote
        if (quoteContextStart) {
            pos = parseStringCore(0, current, flagToDelim(), 0);
            statsTokens++;
            return true;
        }
        while (pos < slen) {
            pos = parseAt(data.charClass(s.charAt(pos)));
            if (current.type != TYPE_NONE) {
                statsTokens++;
                return true;
            }
        }
        return false;
    }

    private int parseAt(SqliCharClass cls) {
        return switch (cls) {
            case WHITE -> pos + 1;
            case BANG, OP2 -> parseOperator2();
            case STR -> parseString();
            case HASH -> parseHash();
            case MONEY -> parseMoney();
            case OP1, UNARY -> parseOperator1();
            case LEFTPARENS, RIGHTPARENS, COMMA, SEMICOLON, LEFTBRACE, RIGHTBRACE -> parseChar();
            case DASH -> parseDash();
            case NUM -> parseNumber();
            case SLASH -> parseSlash();
            case OTHER -> parseOther();
            case VAR -> parseVar();
            case WORD -> parseWord();
            case BSTRING -> parseBstring();
            case ESTRING -> parseEstring();
            case NQSTRING -> parseNqstring();
            case QSTRING -> parseQstringCore(0);
            case USTRING -> parseUstring();
            case XSTRING -> parseXstring();
            case BWORD -> parseBword();
            case BACK -> parseBackslash();
            case TICK -> parseTick();
        };
    }

    private int parseOperator1() {
        current.assign(TYPE_OPERATOR, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseOther() {
        current.assign(TYPE_UNKNOWN, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseChar() {
        char ch = s.charAt(pos);
        current.assign(ch, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseEolComment() {
        int nl = s.indexOf('\n', pos);
        if (nl < 0) {
            current.assign(TYPE_COMMENT, s, pos, slen);
            return slen;
        }
        current.assign(TYPE_COMMENT, s, pos, nl);
        return nl + 1;
    }

    /** ANSI: {@code #} is an operator; MySQL: an end-of-line comment. */
    private int parseHash() {
        statsCommentHash++;
        if ((flags & FLAG_SQL_MYSQL) != 0) {
            statsCommentHash++;
            return parseEolComment();
        }
        current.assign(TYPE_OPERATOR, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseDash() {
        if (pos + 2 < slen && s.charAt(pos + 1) == '-' && isWhite(s.charAt(pos + 2))) {
            return parseEolComment();
        } else if (pos + 2 == slen && s.charAt(pos + 1) == '-') {
            return parseEolComment();
        } else if (pos + 1 < slen && s.charAt(pos + 1) == '-' && (flags & FLAG_SQL_ANSI) != 0) {
            // "--x": a comment in ANSI SQL, two unary minus in MySQL
            statsCommentDdx++;
            return parseEolComment();
        }
        current.assign(TYPE_OPERATOR, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseSlash() {
        int pos1 = pos + 1;
        if (pos1 == slen || s.charAt(pos1) != '*') {
            return parseOperator1();
        }
        int end = find2(pos + 2, '*', '/');
        int clen = end < 0 ? slen - pos : end + 2 - pos;
        char ctype = TYPE_COMMENT;
        // a nested "/*" (PostgreSQL nests comments) or a MySQL "/*!" comment cannot be parsed reliably
        if (end >= 0) {
            int nested = find2(pos + 2, '/', '*');
            if (nested >= 0 && nested + 1 <= end) {
                ctype = TYPE_EVIL;
            }
        }
        if (ctype != TYPE_EVIL && pos + 2 < slen && s.charAt(pos + 2) == '!') {
            ctype = TYPE_EVIL;
        }
        current.assign(ctype, s, pos, pos + clen);
        return pos + clen;
    }

    private int parseBackslash() {
        // MySQL's "\N" is an alias of NULL
        if (pos + 1 < slen && s.charAt(pos + 1) == 'N') {
            current.assign(TYPE_NUMBER, s, pos, pos + 2);
            return pos + 2;
        }
        current.assign(TYPE_BACKSLASH, s, pos, pos + 1);
        return pos + 1;
    }

    private int parseOperator2() {
        if (pos + 1 >= slen) {
            return parseOperator1();
        }
        if (pos + 2 < slen && s.charAt(pos) == '<' && s.charAt(pos + 1) == '=' && s.charAt(pos + 2) == '>') {
            current.assign(TYPE_OPERATOR, s, pos, pos + 3);
            return pos + 3;
        }
        char ch = lookupWord(s, pos, 2);
        if (ch != 0) {
            current.assign(ch, s, pos, pos + 2);
            return pos + 2;
        }
        if (s.charAt(pos) == ':') {
            current.assign(TYPE_COLON, s, pos, pos + 1);
            return pos + 1;
        }
        return parseOperator1();
    }

    /** Odd number of backslashes right before a quote: the quote is escaped. */
    private boolean isBackslashEscaped(int end, int start) {
        int p = end;
        while (p >= start && s.charAt(p) == '\\') {
            p--;
        }
        return ((end - p) & 1) == 1;
    }

    /**
     * Parses a string body starting at {@code start + offset} up to an unescaped {@code delim}
     * (backslash-escaped and doubled delimiters do not end it).
     */
    private int parseStringCore(int start, Token st, char delim, int offset) {
        int bodyStart = start + offset;
        int qpos = s.indexOf(delim, bodyStart);
        st.strOpen = offset > 0 ? delim : 0;
        while (true) {
            if (qpos < 0) {
                st.assign(TYPE_STRING, s, bodyStart, slen);
                st.strClose = 0;
                return slen;
            } else if (isBackslashEscaped(qpos - 1, bodyStart)) {
                qpos = s.indexOf(delim, qpos + 1);
            } else if (qpos + 1 < slen && s.charAt(qpos + 1) == s.charAt(qpos)) {
                qpos = s.indexOf(delim, qpos + 2);
            } else {
                st.assign(TYPE_STRING, s, bodyStart, qpos);
                st.strClose = delim;
                return qpos + 1;
            }
        }
    }

    private int parseString() {
        return parseStringCore(pos, current, s.charAt(pos), 1);
    }

    /** {@code E'...'} (PostgreSQL) and {@code N'...'} (national character set) strings. */
    private int parseEstring() {
        if (pos + 2 >= slen || s.charAt(pos + 1) != CHAR_SINGLE) {
            return parseWord();
        }
        return parseStringCore(pos, current, CHAR_SINGLE, 2);
    }

    /** PostgreSQL {@code U&'...'} strings. */
    private int parseUstring() {
        if (pos + 2 < slen && s.charAt(pos + 1) == '&' && s.charAt(pos + 2) == '\'') {
            pos += 2;
            int next = parseString();
            current.strOpen = 'u';
            if (current.strClose == '\'') {
                current.strClose = 'u';
            }
            return next;
        }
        return parseWord();
    }

    /** Oracle {@code q'[...]'} strings. */
    private int parseQstringCore(int offset) {
        int p = pos + offset;
        if (p >= slen || (s.charAt(p) != 'q' && s.charAt(p) != 'Q') || p + 2 >= slen || s.charAt(p + 1) != '\'') {
            return parseWord();
        }
        char ch = s.charAt(p + 2);
        // libinjection's signed char: bytes from 0x80 are negative, hence "< 33"
        if (ch < 33 || ch >= 0x80) {
            return parseWord();
        }
        switch (ch) {
            case '(' -> ch = ')';
            case '[' -> ch = ']';
            case '{' -> ch = '}';
            case '<' -> ch = '>';
            default -> { }
        }
        int end = find2(p + 3, ch, '\'');
        if (end < 0) {
            current.assign(TYPE_STRING, s, p + 3, slen);
            current.strOpen = 'q';
            current.strClose = 0;
            return slen;
        }
        current.assign(TYPE_STRING, s, p + 3, end);
        current.strOpen = 'q';
        current.strClose = 'q';
        return end + 2;
    }

    private int parseNqstring() {
        if (pos + 2 < slen && s.charAt(pos + 1) == CHAR_SINGLE) {
            return parseEstring();
        }
        return parseQstringCore(1);
    }

    /** {@code b'0101'} binary literals. */
    private int parseBstring() {
        return parseQuotedDigits(BIN_DIGITS);
    }

    /** {@code x'0AF3'} hex literals. */
    private int parseXstring() {
        return parseQuotedDigits(HEX_DIGITS);
    }

    private int parseQuotedDigits(boolean[] digits) {
        if (pos + 2 >= slen || s.charAt(pos + 1) != '\'') {
            return parseWord();
        }
        int wlen = span(pos + 2, digits);
        if (pos + 2 + wlen >= slen || s.charAt(pos + 2 + wlen) != '\'') {
            return parseWord();
        }
        current.assign(TYPE_NUMBER, s, pos, pos + wlen + 3);
        return pos + 2 + wlen + 1;
    }

    /** SQL Server {@code [bracketed words]}. */
    private int parseBword() {
        int end = s.indexOf(']', pos);
        if (end < 0) {
            current.assign(TYPE_BAREWORD, s, pos, slen);
            return slen;
        }
        current.assign(TYPE_BAREWORD, s, pos, end + 1);
        return end + 1;
    }

    private int parseWord() {
        int wlen = cspan(pos, WORD_STOP);
        current.assign(TYPE_BAREWORD, s, pos, pos + wlen);
        // "SELECT.1" or "SELECT`col`": a keyword before '.' or '`' is a token of its own
        for (int i = 0; i < current.len; i++) {
            char delim = s.charAt(pos + i);
            if (delim == '.' || delim == '`') {
                char ch = lookupWord(s, pos, i);
                if (ch != TYPE_NONE && ch != TYPE_BAREWORD) {
                    current.clear();
                    current.assign(ch, s, pos, pos + i);
                    return pos + i;
                }
            }
        }
        if (wlen < TOKEN_SIZE) {
            char ch = lookupWord(s, pos, current.len);
            current.type = ch == 0 ? TYPE_BAREWORD : ch;
        }
        return pos + wlen;
    }

    /** MySQL backtick names: a function name stays a function, anything else is a bare word. */
    private int parseTick() {
        int next = parseStringCore(pos, current, CHAR_TICK, 1);
        current.type = lookupWord(current.text, current.textStart, current.len) == TYPE_FUNCTION
                ? TYPE_FUNCTION : TYPE_BAREWORD;
        return next;
    }

    private int parseVar() {
        int p = pos + 1;
        if (p < slen && s.charAt(p) == '@') {
            p++;
            current.count = 2;
        } else {
            current.count = 1;
        }
        if (p < slen) {
            char c = s.charAt(p);
            if (c == '`') {
                pos = p;
                int next = parseTick();
                current.type = TYPE_VARIABLE;
                return next;
            } else if (c == CHAR_SINGLE || c == CHAR_DOUBLE) {
                pos = p;
                int next = parseString();
                current.type = TYPE_VARIABLE;
                return next;
            }
        }
        int xlen = cspan(p, VAR_STOP);
        current.assign(TYPE_VARIABLE, s, p, p + xlen);
        return p + xlen;
    }

    /** {@code $1,000.00} money, PostgreSQL {@code $$...$$} and {@code $tag$...$tag$} strings. */
    private int parseMoney() {
        if (pos + 1 == slen) {
            current.assign(TYPE_BAREWORD, s, pos, pos + 1);
            return slen;
        }
        int xlen = span(pos + 1, MONEY_DIGITS);
        if (xlen == 0) {
            if (s.charAt(pos + 1) == '$') {
                int end = find2(pos + 2, '$', '$');
                if (end < 0) {
                    current.assign(TYPE_STRING, s, pos + 2, slen);
                    current.strOpen = '$';
                    current.strClose = 0;
                    return slen;
                }
                current.assign(TYPE_STRING, s, pos + 2, end);
                current.strOpen = '$';
                current.strClose = '$';
                return end + 2;
            }
            xlen = span(pos + 1, MONEY_TAG);
            if (xlen == 0) {
                current.assign(TYPE_BAREWORD, s, pos, pos + 1);
                return pos + 1;
            }
            if (pos + xlen + 1 == slen || s.charAt(pos + xlen + 1) != '$') {
                current.assign(TYPE_BAREWORD, s, pos, pos + 1);
                return pos + 1;
            }
            String tag = s.substring(pos, pos + xlen + 2);
            int bodyStart = pos + xlen + 2;
            int end = s.indexOf(tag, bodyStart);
            if (end < 0) {
                current.assign(TYPE_STRING, s, bodyStart, slen);
                current.strOpen = '$';
                current.strClose = 0;
                return slen;
            }
            current.assign(TYPE_STRING, s, bodyStart, end);
            current.strOpen = '$';
            current.strClose = '$';
            return end + xlen + 2;
        } else if (xlen == 1 && s.charAt(pos + 1) == '.') {
            return parseWord();
        }
        current.assign(TYPE_NUMBER, s, pos, pos + 1 + xlen);
        return pos + 1 + xlen;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private int parseNumber() {
        int p = pos;
        if (s.charAt(p) == '0' && p + 1 < slen) {
            char x = s.charAt(p + 1);
            boolean[] digits = x == 'X' || x == 'x' ? HEX_DIGITS : x == 'B' || x == 'b' ? BIN_DIGITS : null;
            if (digits != null) {
                int xlen = span(p + 2, digits);
                if (xlen == 0) {
                    current.assign(TYPE_BAREWORD, s, p, p + 2);
                    return p + 2;
                }
                current.assign(TYPE_NUMBER, s, p, p + 2 + xlen);
                return p + 2 + xlen;
            }
        }
        int start = p;
        while (p < slen && isDigit(s.charAt(p))) {
            p++;
        }
        if (p < slen && s.charAt(p) == '.') {
            p++;
            while (p < slen && isDigit(s.charAt(p))) {
                p++;
            }
            if (p - start == 1) {
                current.assign(TYPE_DOT, s, start, start + 1);
                return p;
            }
        }
        boolean haveE = false;
        boolean haveExp = false;
        if (p < slen && (s.charAt(p) == 'E' || s.charAt(p) == 'e')) {
            haveE = true;
            p++;
            if (p < slen && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            while (p < slen && isDigit(s.charAt(p))) {
                haveExp = true;
                p++;
            }
        }
        // Oracle's float/double suffix: "1.2f", "1d", and "1fUNION" read as "1f UNION"
        if (p < slen) {
            char c = s.charAt(p);
            if (c == 'd' || c == 'D' || c == 'f' || c == 'F') {
                if (p + 1 == slen) {
                    p++;
                } else {
                    char n = s.charAt(p + 1);
                    if (isWhite(n) || n == ';' || n == 'u' || n == 'U') {
                        p++;
                    }
                }
            }
        }
        // "1E", "10.e": an exponent marker without digits makes a word, not a number
        char type = haveE && !haveExp ? TYPE_BAREWORD : TYPE_NUMBER;
        current.assign(type, s, start, p);
        return p;
    }

    // ---------------------------------------------------------------- folding

    /** Merges two words into a known phrase ("UNION" "ALL" -> "UNION ALL"); true if merged. */
    private boolean mergeWords(Token a, Token b) {
        if (!(a.type == TYPE_KEYWORD || a.type == TYPE_BAREWORD || a.type == TYPE_OPERATOR
                || a.type == TYPE_UNION || a.type == TYPE_FUNCTION || a.type == TYPE_EXPRESSION
                || a.type == TYPE_TSQL || a.type == TYPE_SQLTYPE)) {
            return false;
        }
        if (!(b.type == TYPE_KEYWORD || b.type == TYPE_BAREWORD || b.type == TYPE_OPERATOR
                || b.type == TYPE_UNION || b.type == TYPE_FUNCTION || b.type == TYPE_EXPRESSION
                || b.type == TYPE_TSQL || b.type == TYPE_SQLTYPE || b.type == TYPE_LOGIC_OPERATOR)) {
            return false;
        }
        int merged = a.len + b.len + 1;
        if (merged >= TOKEN_SIZE) {
            return false;
        }
        char ch = data.lookupPhrase(a.text, a.textStart, a.len, b.text, b.textStart, b.len);
        if (ch == 0) {
            return false;
        }
        // the only value that is not a view of the input: built once per merge, which is rare
        String phrase = a.value() + ' ' + b.value();
        a.assignPhrase(ch, phrase);
        return true;
    }

    private void rememberComment() {
        if (lastComment == null) {
            lastComment = new Token();
        }
        lastComment.copyFrom(current);
    }

    private void forgetComment() {
        if (lastComment != null) {
            lastComment.type = TYPE_NONE;
        }
    }

    /** Makes slot {@code index} the one {@link #tokenize()} fills; it is created when a token is found. */
    private void readInto(int index) {
        currentIndex = index;
        current = tokenvec[index];
    }

    /**
     * Tokenizes and folds the input into at most five tokens ({@code libinjection_sqli_fold});
     * returns how many of {@link #tokenvec} are valid.
     */
    int fold() {
        if (lastComment != null) {
            lastComment.clear();
        }
        int p = 0; // where the next token goes
        int left = 0; // tokens already final
        boolean more = true;

        // skip leading comments, '(' , SQL types and unary operators
        readInto(0);
        while (more) {
            more = tokenize();
            if (!more || !(current.type == TYPE_COMMENT || current.type == TYPE_LEFTPARENS
                    || current.type == TYPE_SQLTYPE || isUnaryOp(current))) {
                break;
            }
        }
        if (!more) {
            return 0;
        }
        p = 1;

        // every pass consumes a token or shrinks the vector; this bound only guards the port itself
        long budget = 64L * (slen + 16);
        while (budget-- > 0) {
            if (p >= MAX_TOKENS) {
                if ((token(0).type == TYPE_NUMBER && (token(1).type == TYPE_OPERATOR || token(1).type == TYPE_COMMA)
                        && token(2).type == TYPE_LEFTPARENS && token(3).type == TYPE_NUMBER
                        && token(4).type == TYPE_RIGHTPARENS)
                        || (token(0).type == TYPE_BAREWORD && token(1).type == TYPE_OPERATOR
                        && token(2).type == TYPE_LEFTPARENS
                        && (token(3).type == TYPE_BAREWORD || token(3).type == TYPE_NUMBER)
                        && token(4).type == TYPE_RIGHTPARENS)
                        || (token(0).type == TYPE_NUMBER && token(1).type == TYPE_RIGHTPARENS
                        && token(2).type == TYPE_COMMA && token(3).type == TYPE_LEFTPARENS
                        && token(4).type == TYPE_NUMBER)
                        || (token(0).type == TYPE_BAREWORD && token(1).type == TYPE_RIGHTPARENS
                        && token(2).type == TYPE_OPERATOR && token(3).type == TYPE_LEFTPARENS
                        && token(4).type == TYPE_BAREWORD)) {
                    if (p > MAX_TOKENS) {
                        token(1).copyFrom(token(MAX_TOKENS));
                        p = 2;
                    } else {
                        p = 1;
                    }
                    left = 0;
                }
            }

            if (!more || left >= MAX_TOKENS) {
                left = p;
                break;
            }

            // get up to two tokens
            while (more && p <= MAX_TOKENS && p - left < 2) {
                readInto(p);
                more = tokenize();
                if (more) {
                    if (current.type == TYPE_COMMENT) {
                        rememberComment();
                    } else {
                        forgetComment();
                        p++;
                    }
                }
            }
            if (p - left < 2) {
                left = p;
                continue;
            }

            Token a = token(left);
            Token b = token(left + 1);
            if (a.type == TYPE_STRING && b.type == TYPE_STRING) {
                p--;
                continue;
            } else if (a.type == TYPE_SEMICOLON && b.type == TYPE_SEMICOLON) {
                p--;
                continue;
            } else if ((a.type == TYPE_OPERATOR || a.type == TYPE_LOGIC_OPERATOR)
                    && (isUnaryOp(b) || b.type == TYPE_SQLTYPE)) {
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_LEFTPARENS && isUnaryOp(b)) {
                p--;
                if (left > 0) {
                    left--;
                }
                continue;
            } else if (mergeWords(a, b)) {
                p--;
                if (left > 0) {
                    left--;
                }
                continue;
            } else if (a.type == TYPE_SEMICOLON && b.type == TYPE_FUNCTION
                    && (b.valAt(0) == 'I' || b.valAt(0) == 'i') && (b.valAt(1) == 'F' || b.valAt(1) == 'f')) {
                // T-SQL "; IF ..." is control flow, not the IF() function
                b.type = TYPE_TSQL;
                continue;
            } else if ((a.type == TYPE_BAREWORD || a.type == TYPE_VARIABLE) && b.type == TYPE_LEFTPARENS
                    && (a.valIs("USER_ID") || a.valIs("USER_NAME") || a.valIs("DATABASE")
                    || a.valIs("PASSWORD") || a.valIs("USER") || a.valIs("CURRENT_USER")
                    || a.valIs("CURRENT_DATE") || a.valIs("CURRENT_TIME")
                    || a.valIs("CURRENT_TIMESTAMP") || a.valIs("LOCALTIME")
                    || a.valIs("LOCALTIMESTAMP"))) {
                // common column names that are functions when called
                a.type = TYPE_FUNCTION;
                continue;
            } else if (a.type == TYPE_KEYWORD && (a.valIs("IN") || a.valIs("NOT IN"))) {
                // "IN (" is an operator; otherwise (e.g. "IN BOOLEAN MODE") a plain word
                a.type = b.type == TYPE_LEFTPARENS ? TYPE_OPERATOR : TYPE_BAREWORD;
                continue;
            } else if (a.type == TYPE_OPERATOR && (a.valIs("LIKE") || a.valIs("NOT LIKE"))) {
                if (b.type == TYPE_LEFTPARENS) {
                    a.type = TYPE_FUNCTION;
                }
            } else if (a.type == TYPE_SQLTYPE && (b.type == TYPE_BAREWORD || b.type == TYPE_NUMBER
                    || b.type == TYPE_SQLTYPE || b.type == TYPE_LEFTPARENS || b.type == TYPE_FUNCTION
                    || b.type == TYPE_VARIABLE || b.type == TYPE_STRING)) {
                a.copyFrom(b);
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_COLLATE && b.type == TYPE_BAREWORD) {
                // too many collations to list: a bare word with '_' after COLLATE is a type
                if (b.cStringContains('_')) {
                    b.type = TYPE_SQLTYPE;
                    left = 0;
                }
            } else if (a.type == TYPE_BACKSLASH) {
                if (isArithmeticOp(b)) {
                    // T-SQL reads "\%1" as "0 % 1"
                    a.type = TYPE_NUMBER;
                } else {
                    // T-SQL reads "\1" as "1"
                    a.copyFrom(b);
                    p--;
                }
                left = 0;
                continue;
            } else if (a.type == TYPE_LEFTPARENS && b.type == TYPE_LEFTPARENS) {
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_RIGHTPARENS && b.type == TYPE_RIGHTPARENS) {
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_LEFTBRACE && b.type == TYPE_BAREWORD) {
                // MySQL "{ ``" is too odd to parse: flag as unparsable
                if (b.len == 0) {
                    b.type = TYPE_EVIL;
                    return left + 2;
                }
                // ODBC "{foo expr}": drop "{ foo"
                left = 0;
                p -= 2;
                continue;
            } else if (b.type == TYPE_RIGHTBRACE) {
                p--;
                left = 0;
                continue;
            }

            // no two-token fold: get a third token
            while (more && p <= MAX_TOKENS && p - left < 3) {
                readInto(p);
                more = tokenize();
                if (more) {
                    if (current.type == TYPE_COMMENT) {
                        rememberComment();
                    } else {
                        forgetComment();
                        p++;
                    }
                }
            }
            if (p - left < 3) {
                left = p;
                continue;
            }

            Token c = token(left + 2);
            if (a.type == TYPE_NUMBER && b.type == TYPE_OPERATOR && c.type == TYPE_NUMBER) {
                p -= 2;
                left = 0;
                continue;
            } else if (a.type == TYPE_OPERATOR && b.type != TYPE_LEFTPARENS && c.type == TYPE_OPERATOR) {
                left = 0;
                p -= 2;
                continue;
            } else if (a.type == TYPE_LOGIC_OPERATOR && c.type == TYPE_LOGIC_OPERATOR) {
                p -= 2;
                left = 0;
                continue;
            } else if (a.type == TYPE_VARIABLE && b.type == TYPE_OPERATOR
                    && (c.type == TYPE_VARIABLE || c.type == TYPE_NUMBER || c.type == TYPE_BAREWORD)) {
                p -= 2;
                left = 0;
                continue;
            } else if ((a.type == TYPE_BAREWORD || a.type == TYPE_NUMBER) && b.type == TYPE_OPERATOR
                    && (c.type == TYPE_NUMBER || c.type == TYPE_BAREWORD)) {
                p -= 2;
                left = 0;
                continue;
            } else if ((a.type == TYPE_BAREWORD || a.type == TYPE_NUMBER || a.type == TYPE_VARIABLE
                    || a.type == TYPE_STRING) && b.type == TYPE_OPERATOR && b.cStringIs("::")
                    && c.type == TYPE_SQLTYPE) {
                p -= 2;
                left = 0;
                continue;
            } else if ((a.type == TYPE_BAREWORD || a.type == TYPE_NUMBER || a.type == TYPE_STRING
                    || a.type == TYPE_VARIABLE) && b.type == TYPE_COMMA
                    && (c.type == TYPE_NUMBER || c.type == TYPE_BAREWORD || c.type == TYPE_STRING
                    || c.type == TYPE_VARIABLE)) {
                p -= 2;
                left = 0;
                continue;
            } else if ((a.type == TYPE_EXPRESSION || a.type == TYPE_GROUP || a.type == TYPE_COMMA)
                    && isUnaryOp(b) && c.type == TYPE_LEFTPARENS) {
                // "SELECT + (", "LIMIT + (": drop the unary operator
                b.copyFrom(c);
                p--;
                left = 0;
                continue;
            } else if ((a.type == TYPE_KEYWORD || a.type == TYPE_EXPRESSION || a.type == TYPE_GROUP)
                    && isUnaryOp(b) && (c.type == TYPE_NUMBER || c.type == TYPE_BAREWORD
                    || c.type == TYPE_VARIABLE || c.type == TYPE_STRING || c.type == TYPE_FUNCTION)) {
                // "select - 1"
                b.copyFrom(c);
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_COMMA && isUnaryOp(b) && (c.type == TYPE_NUMBER
                    || c.type == TYPE_BAREWORD || c.type == TYPE_VARIABLE || c.type == TYPE_STRING)) {
                // ", -1" -> ",1" and back up so that "1,-1" folds to "1"
                b.copyFrom(c);
                left = 0;
                p -= 3;
                continue;
            } else if (a.type == TYPE_COMMA && isUnaryOp(b) && c.type == TYPE_FUNCTION) {
                // "1,-sin(1)" -> "1,sin(1)"
                b.copyFrom(c);
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_BAREWORD && b.type == TYPE_DOT && c.type == TYPE_BAREWORD) {
                // "database.table"
                p -= 2;
                left = 0;
                continue;
            } else if (a.type == TYPE_EXPRESSION && b.type == TYPE_DOT && c.type == TYPE_BAREWORD) {
                // "select . `foo`" -> "select `foo`"
                b.copyFrom(c);
                p--;
                left = 0;
                continue;
            } else if (a.type == TYPE_FUNCTION && b.type == TYPE_LEFTPARENS && c.type != TYPE_RIGHTPARENS) {
                // USER() takes no arguments: "user(foo)" is not the function
                if (a.valIs("USER")) {
                    a.type = TYPE_BAREWORD;
                }
            }
            left++;
        }

        // put back a trailing comment if there is room
        if (left < MAX_TOKENS && lastComment != null && lastComment.type == TYPE_COMMENT) {
            token(left).copyFrom(lastComment);
            left++;
        }
        // a sixth token may have been read to classify the fifth
        return Math.min(left, MAX_TOKENS);
    }

    // ---------------------------------------------------------------- fingerprint and checks

    /** Computes the fingerprint of the input in one quote/dialect context. */
    String fingerprint(int newFlags) {
        computeFingerprint(newFlags);
        return currentFingerprint();
    }

    /**
     * {@link #fingerprint(int)} without building the string: the fingerprint is the types of the
     * first {@link #fingerprintLength} tokens, and {@link #fingerprintKey} its packed form.
     */
    private void computeFingerprint(int newFlags) {
        reset(newFlags);
        int tlen = fold();
        // PHP backtick comment: a trailing empty, unclosed backtick word
        if (tlen > 2) {
            Token last = token(tlen - 1);
            if (last.type == TYPE_BAREWORD && last.strOpen == CHAR_TICK && last.len == 0 && last.strClose == 0) {
                last.type = TYPE_COMMENT;
            }
        }
        boolean evil = false;
        for (int i = 0; i < tlen; i++) {
            evil |= token(i).type == TYPE_EVIL;
        }
        if (evil) {
            // unparsable input: the whole fingerprint becomes "X"
            Token first = token(0);
            // libinjection keeps the old length here; nothing reads it once the fingerprint is "X"
            first.assignPhrase(TYPE_EVIL, "X");
            token(1).type = TYPE_NONE;
            tlen = 1;
        }
        fingerprintLength = tlen;
    }

    private char fingerprintAt(int i) {
        return token(i).type;
    }

    /** Whether the fingerprint is exactly {@code expected} (case-sensitive: types differ by case). */
    private boolean fingerprintIs(String expected) {
        if (fingerprintLength != expected.length()) {
            return false;
        }
        for (int i = 0; i < fingerprintLength; i++) {
            if (fingerprintAt(i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the last fingerprint is listed and survives the false-positive filter. */
    boolean checkFingerprint() {
        return blacklisted() && notWhitelisted();
    }

    private boolean blacklisted() {
        if (fingerprintLength == 0) {
            return false;
        }
        long key = SqliData.PackedFingerprintSet.EMPTY_KEY;
        for (int i = 0; i < fingerprintLength; i++) {
            key = SqliData.PackedFingerprintSet.extend(key, fingerprintAt(i));
        }
        return data.isFingerprint(key);
    }

    /** libinjection's {@code libinjection_sqli_not_whitelist}: true if still SQLi. */
    private boolean notWhitelisted() {
        int tlen = fingerprintLength;
        if (tlen > 1 && fingerprintAt(tlen - 1) == TYPE_COMMENT) {
            // SQL Server's audit log skips statements mentioning sp_password
            if (s.contains("sp_password")) {
                return true;
            }
        }
        Token t0 = token(0);
        Token t1 = token(1);
        switch (tlen) {
            case 2 -> {
                if (fingerprintAt(1) == TYPE_UNION) {
                    // "1 union" alone is common text; with folding or comments it is an attack
                    return statsTokens != 2;
                }
                if (t1.valAt(0) == '#') {
                    return false;
                }
                if (t0.type == TYPE_BAREWORD && t1.type == TYPE_COMMENT && t1.valAt(0) != '/') {
                    return false;
                }
                if (t0.type == TYPE_NUMBER && t1.type == TYPE_COMMENT && t1.valAt(0) == '/') {
                    return true;
                }
                if (t0.type == TYPE_NUMBER && t1.type == TYPE_COMMENT) {
                    if (statsTokens > 2) {
                        return true;
                    }
                    // only a real number followed by white space, "/*" or "--" is "1c"
                    char ch = at(t0.len);
                    if (ch <= 32 || ch >= 0x80) {
                        return true;
                    }
                    if (ch == '/' && at(t0.len + 1) == '*') {
                        return true;
                    }
                    if (ch == '-' && at(t0.len + 1) == '-') {
                        return true;
                    }
                    return false;
                }
                // "--" inside text is common; only a trailing bare "--" counts
                if (t1.len > 2 && t1.valAt(0) == '-') {
                    return false;
                }
            }
            case 3 -> {
                if (fingerprintIs("sos") || fingerprintIs("s&s")) {
                    Token t2 = token(2);
                    // ...foo" + "bar... : unquoted both ends, same quote in the middle
                    return t0.strOpen == 0 && t2.strClose == 0 && t0.strClose == t2.strOpen;
                } else if (fingerprintIs("s&n") || fingerprintIs("n&1") || fingerprintIs("1&1")
                        || fingerprintIs("1&v") || fingerprintIs("1&s")) {
                    // "sexy and 17" is text, "sexy and 17<18" is not
                    if (statsTokens == 3) {
                        return false;
                    }
                } else if (t1.type == TYPE_KEYWORD) {
                    // only "INTO OUTFILE" / "INTO DUMPFILE" are dangerous here
                    if (t1.len < 5 || !t1.startsWith("INTO")) {
                        return false;
                    }
                }
            }
            default -> { }
        }
        return true;
    }

    private boolean reparseAsMysql() {
        return statsCommentDdx != 0 || statsCommentHash != 0;
    }

    /**
     * {@code libinjection_is_sqli}: tries the input as-is, then as if preceded by a single quote,
     * then by a double quote, in the ANSI and (when comments suggest it) MySQL dialects.
     */
    boolean isSqli() {
        if (slen == 0) {
            return false;
        }
        computeFingerprint(FLAG_QUOTE_NONE | FLAG_SQL_ANSI);
        if (checkFingerprint()) {
            return true;
        } else if (reparseAsMysql()) {
            computeFingerprint(FLAG_QUOTE_NONE | FLAG_SQL_MYSQL);
            if (checkFingerprint()) {
                return true;
            }
        }
        if (s.indexOf(CHAR_SINGLE) >= 0) {
            computeFingerprint(FLAG_QUOTE_SINGLE | FLAG_SQL_ANSI);
            if (checkFingerprint()) {
                return true;
            } else if (reparseAsMysql()) {
                computeFingerprint(FLAG_QUOTE_SINGLE | FLAG_SQL_MYSQL);
                if (checkFingerprint()) {
                    return true;
                }
            }
        }
        if (s.indexOf(CHAR_DOUBLE) >= 0) {
            computeFingerprint(FLAG_QUOTE_DOUBLE | FLAG_SQL_MYSQL);
            return checkFingerprint();
        }
        return false;
    }

    String currentFingerprint() {
        char[] chars = new char[fingerprintLength];
        for (int i = 0; i < fingerprintLength; i++) {
            chars[i] = fingerprintAt(i);
        }
        return new String(chars);
    }

    /** All tokens of the input in the given context, without folding. */
    List<SqliToken> allTokens() {
        List<SqliToken> out = new ArrayList<>();
        readInto(0);
        while (tokenize()) {
            out.add(current.snapshot());
        }
        return out;
    }

    /** The folded tokens (at most five). */
    List<SqliToken> foldedTokens() {
        int n = fold();
        List<SqliToken> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(token(i).snapshot());
        }
        return out;
    }
}
