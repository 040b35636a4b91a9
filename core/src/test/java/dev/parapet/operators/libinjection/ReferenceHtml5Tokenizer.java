package dev.parapet.operators.libinjection;

/**
 * Test oracle: a frozen copy of {@code Html5Tokenizer} as it was before the allocation-free rewrite;
 * see {@link ReferenceXssDetector}.
 *
 * <p>A forgiving HTML5 tokenizer, a Java re-implementation of libinjection's {@code libinjection_html5.c}
 * (BSD-3-Clause, see {@code LICENSE-libinjection.txt}). It follows the WHATWG tokenizer states loosely
 * and adds browser quirks (NUL bytes ignored in tag names, back-quoted attribute values, {@code <% %>}
 * comments) so that XSS detection sees the input the way old and new browsers may.
 *
 * <p>Usage: call {@link #next()} until it returns {@code false}; after each {@code true} the current
 * token is described by {@link #tokenType()}, {@link #tokenStart()} and {@link #tokenLength()}.
 *
 * <p>libinjection's states call each other directly (C tail calls); a run of {@code /} inside a tag
 * would nest them as deep as the input is long. Here every such hand-over returns {@link #CONTINUE}
 * and {@link #next()} loops, so the stack stays flat. Each state consumes input or emits a token,
 * so a full tokenization is linear in the input length.
 *
 * <p>Not thread-safe: one instance per scan.
 */
final class ReferenceHtml5Tokenizer {

    private static final int EOF = -1;

    /** Results of a state step: no more tokens, a token is ready, or run {@link #state} now. */
    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int CONTINUE = 2;

    private enum State {
        EOF,
        DATA,
        TAG_OPEN,
        END_TAG_OPEN,
        TAG_NAME,
        TAG_NAME_CLOSE,
        BEFORE_ATTRIBUTE_NAME,
        ATTRIBUTE_NAME,
        AFTER_ATTRIBUTE_NAME,
        BEFORE_ATTRIBUTE_VALUE,
        ATTRIBUTE_VALUE_DOUBLE_QUOTE,
        ATTRIBUTE_VALUE_SINGLE_QUOTE,
        ATTRIBUTE_VALUE_BACK_QUOTE,
        ATTRIBUTE_VALUE_NO_QUOTE,
        AFTER_ATTRIBUTE_VALUE_QUOTED,
        SELF_CLOSING_START_TAG,
        BOGUS_COMMENT,
        PERCENT_COMMENT,
        MARKUP_DECLARATION_OPEN,
        COMMENT,
        CDATA,
        DOCTYPE
    }

    private final String s;
    private final int len;
    private State state;
    private int pos;
    private boolean isClose;

    private Html5TokenType tokenType;
    private int tokenStart;
    private int tokenLength;

    ReferenceHtml5Tokenizer(String input, Html5Context context) {
        this.s = input;
        this.len = input.length();
        this.state = switch (context) {
            case DATA_STATE -> State.DATA;
            case VALUE_NO_QUOTE -> State.BEFORE_ATTRIBUTE_NAME;
            case VALUE_SINGLE_QUOTE -> State.ATTRIBUTE_VALUE_SINGLE_QUOTE;
            case VALUE_DOUBLE_QUOTE -> State.ATTRIBUTE_VALUE_DOUBLE_QUOTE;
            case VALUE_BACK_QUOTE -> State.ATTRIBUTE_VALUE_BACK_QUOTE;
        };
    }

    /** Advances to the next token; {@code false} when the input is exhausted. */
    boolean next() {
        int result;
        do {
            result = step();
        } while (result == CONTINUE);
        if (result == FALSE) {
            // libinjection leaves the state as is; callers stop at the first "no token" anyway,
            // and parking in EOF makes further calls cheap and harmless.
            state = State.EOF;
            return false;
        }
        return true;
    }

    Html5TokenType tokenType() {
        return tokenType;
    }

    int tokenStart() {
        return tokenStart;
    }

    int tokenLength() {
        return tokenLength;
    }

    /** The current token's text. */
    String tokenValue() {
        return s.substring(tokenStart, tokenStart + tokenLength);
    }

    private int step() {
        return switch (state) {
            case EOF -> FALSE;
            case DATA -> data();
            case TAG_OPEN -> tagOpen();
            case END_TAG_OPEN -> endTagOpen();
            case TAG_NAME -> tagName();
            case TAG_NAME_CLOSE -> tagNameClose();
            case BEFORE_ATTRIBUTE_NAME -> beforeAttributeName();
            case ATTRIBUTE_NAME -> attributeName();
            case AFTER_ATTRIBUTE_NAME -> afterAttributeName();
            case BEFORE_ATTRIBUTE_VALUE -> beforeAttributeValue();
            case ATTRIBUTE_VALUE_DOUBLE_QUOTE -> attributeValueQuoted('"');
            case ATTRIBUTE_VALUE_SINGLE_QUOTE -> attributeValueQuoted('\'');
            case ATTRIBUTE_VALUE_BACK_QUOTE -> attributeValueQuoted('`');
            case ATTRIBUTE_VALUE_NO_QUOTE -> attributeValueNoQuote();
            case AFTER_ATTRIBUTE_VALUE_QUOTED -> afterAttributeValueQuoted();
            case SELF_CLOSING_START_TAG -> selfClosingStartTag();
            case BOGUS_COMMENT -> bogusComment();
            case PERCENT_COMMENT -> percentComment();
            case MARKUP_DECLARATION_OPEN -> markupDeclarationOpen();
            case COMMENT -> comment();
            case CDATA -> cdata();
            case DOCTYPE -> doctype();
        };
    }

    private int goTo(State next) {
        state = next;
        return CONTINUE;
    }

    private int emit(Html5TokenType type, int start, int length) {
        tokenType = type;
        tokenStart = start;
        tokenLength = length;
        return TRUE;
    }

    /**
     * libinjection tests whitespace with {@code strchr(" \t\n\v\f\r", ch)}, which also finds the
     * terminating NUL: so NUL counts as whitespace here (but tag names check NUL first).
     */
    private static boolean isWhite(char ch) {
        return ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || ch == 0;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** Skips whitespace (and NUL, an IE-ism); returns the next char or {@link #EOF}. */
    private int skipWhite() {
        while (pos < len) {
            char ch = s.charAt(pos);
            if (ch == 0 || ch == ' ' || (ch >= 0x09 && ch <= 0x0D)) {
                pos++;
            } else {
                return ch;
            }
        }
        return EOF;
    }

    private int data() {
        if (pos > len) {
            return FALSE;
        }
        int lt = s.indexOf('<', pos);
        if (lt < 0) {
            state = State.EOF;
            if (len - pos == 0) {
                return FALSE;
            }
            return emit(Html5TokenType.DATA_TEXT, pos, len - pos);
        }
        int start = pos;
        pos = lt + 1;
        state = State.TAG_OPEN;
        if (lt == start) {
            return CONTINUE;
        }
        return emit(Html5TokenType.DATA_TEXT, start, lt - start);
    }

    private int tagOpen() {
        if (pos >= len) {
            return FALSE;
        }
        char ch = s.charAt(pos);
        if (ch == '!') {
            pos++;
            return goTo(State.MARKUP_DECLARATION_OPEN);
        } else if (ch == '/') {
            pos++;
            isClose = true;
            return goTo(State.END_TAG_OPEN);
        } else if (ch == '?') {
            pos++;
            return goTo(State.BOGUS_COMMENT);
        } else if (ch == '%') {
            // not in the spec: <% %> comments of IE <= 9 and Safari < 4.0.3
            pos++;
            return goTo(State.PERCENT_COMMENT);
        } else if (isAsciiLetter(ch) || ch == 0) {
            // IE ignores NUL characters
            return goTo(State.TAG_NAME);
        } else {
            if (pos == 0) {
                return goTo(State.DATA);
            }
            // a lone '<' is text
            state = State.DATA;
            return emit(Html5TokenType.DATA_TEXT, pos - 1, 1);
        }
    }

    private int endTagOpen() {
        if (pos >= len) {
            return FALSE;
        }
        char ch = s.charAt(pos);
        if (ch == '>') {
            // libinjection restarts data *at* the '>' so it shows up as text
            return goTo(State.DATA);
        } else if (isAsciiLetter(ch)) {
            return goTo(State.TAG_NAME);
        }
        isClose = false;
        return goTo(State.BOGUS_COMMENT);
    }

    private int tagNameClose() {
        isClose = false;
        int start = pos;
        pos++;
        state = pos < len ? State.DATA : State.EOF;
        return emit(Html5TokenType.TAG_NAME_CLOSE, start, 1);
    }

    private int tagName() {
        int p = pos;
        while (p < len) {
            char ch = s.charAt(p);
            if (ch == 0) {
                // old browsers allow and ignore NULs inside tag names
                p++;
            } else if (isWhite(ch)) {
                int start = pos;
                pos = p + 1;
                state = State.BEFORE_ATTRIBUTE_NAME;
                return emit(Html5TokenType.TAG_NAME_OPEN, start, p - start);
            } else if (ch == '/') {
                int start = pos;
                pos = p + 1;
                state = State.SELF_CLOSING_START_TAG;
                return emit(Html5TokenType.TAG_NAME_OPEN, start, p - start);
            } else if (ch == '>') {
                int start = pos;
                if (isClose) {
                    pos = p + 1;
                    isClose = false;
                    state = State.DATA;
                    return emit(Html5TokenType.TAG_CLOSE, start, p - start);
                }
                pos = p;
                state = State.TAG_NAME_CLOSE;
                return emit(Html5TokenType.TAG_NAME_OPEN, start, p - start);
            } else {
                p++;
            }
        }
        state = State.EOF;
        return emit(Html5TokenType.TAG_NAME_OPEN, pos, len - pos);
    }

    private int beforeAttributeName() {
        int ch = skipWhite();
        switch (ch) {
            case EOF:
                return FALSE;
            case '/':
                pos++;
                return goTo(State.SELF_CLOSING_START_TAG);
            case '>': {
                state = State.DATA;
                int start = pos;
                pos++;
                return emit(Html5TokenType.TAG_NAME_CLOSE, start, 1);
            }
            default:
                return goTo(State.ATTRIBUTE_NAME);
        }
    }

    private int attributeName() {
        // the first char is part of the name whatever it is (e.g. '=' in "<a =x>")
        int p = pos + 1;
        while (p < len) {
            char ch = s.charAt(p);
            State after;
            int resume;
            if (isWhite(ch)) {
                after = State.AFTER_ATTRIBUTE_NAME;
                resume = p + 1;
            } else if (ch == '/') {
                after = State.SELF_CLOSING_START_TAG;
                resume = p + 1;
            } else if (ch == '=') {
                after = State.BEFORE_ATTRIBUTE_VALUE;
                resume = p + 1;
            } else if (ch == '>') {
                after = State.TAG_NAME_CLOSE;
                resume = p;
            } else {
                p++;
                continue;
            }
            int start = pos;
            state = after;
            pos = resume;
            return emit(Html5TokenType.ATTR_NAME, start, p - start);
        }
        int start = pos;
        state = State.EOF;
        pos = len;
        return emit(Html5TokenType.ATTR_NAME, start, Math.max(0, len - start));
    }

    private int afterAttributeName() {
        int ch = skipWhite();
        switch (ch) {
            case EOF:
                return FALSE;
            case '/':
                pos++;
                return goTo(State.SELF_CLOSING_START_TAG);
            case '=':
                pos++;
                return goTo(State.BEFORE_ATTRIBUTE_VALUE);
            case '>':
                return goTo(State.TAG_NAME_CLOSE);
            default:
                return goTo(State.ATTRIBUTE_NAME);
        }
    }

    private int beforeAttributeValue() {
        int ch = skipWhite();
        if (ch == EOF) {
            state = State.EOF;
            return FALSE;
        }
        if (ch == '"') {
            return goTo(State.ATTRIBUTE_VALUE_DOUBLE_QUOTE);
        } else if (ch == '\'') {
            return goTo(State.ATTRIBUTE_VALUE_SINGLE_QUOTE);
        } else if (ch == '`') {
            // non-standard, IE
            return goTo(State.ATTRIBUTE_VALUE_BACK_QUOTE);
        }
        return goTo(State.ATTRIBUTE_VALUE_NO_QUOTE);
    }

    private int attributeValueQuoted(char quote) {
        // Skip the opening quote, except at position 0: then the scan started inside a quoted value
        // (a VALUE_*_QUOTE context) and input like  '><foo  must give an empty value first.
        if (pos > 0) {
            pos = Math.min(pos + 1, len);
        }
        int close = s.indexOf(quote, pos);
        int start = pos;
        if (close < 0) {
            state = State.EOF;
            return emit(Html5TokenType.ATTR_VALUE, start, len - start);
        }
        state = State.AFTER_ATTRIBUTE_VALUE_QUOTED;
        pos = close + 1;
        return emit(Html5TokenType.ATTR_VALUE, start, close - start);
    }

    private int attributeValueNoQuote() {
        int p = pos;
        while (p < len) {
            char ch = s.charAt(p);
            if (isWhite(ch)) {
                int start = pos;
                pos = p + 1;
                state = State.BEFORE_ATTRIBUTE_NAME;
                return emit(Html5TokenType.ATTR_VALUE, start, p - start);
            } else if (ch == '>') {
                int start = pos;
                pos = p;
                state = State.TAG_NAME_CLOSE;
                return emit(Html5TokenType.ATTR_VALUE, start, p - start);
            }
            p++;
        }
        state = State.EOF;
        return emit(Html5TokenType.ATTR_VALUE, pos, len - pos);
    }

    private int afterAttributeValueQuoted() {
        if (pos >= len) {
            return FALSE;
        }
        char ch = s.charAt(pos);
        if (isWhite(ch)) {
            pos++;
            return goTo(State.BEFORE_ATTRIBUTE_NAME);
        } else if (ch == '/') {
            pos++;
            return goTo(State.SELF_CLOSING_START_TAG);
        } else if (ch == '>') {
            int start = pos;
            pos++;
            state = State.DATA;
            return emit(Html5TokenType.TAG_NAME_CLOSE, start, 1);
        }
        return goTo(State.BEFORE_ATTRIBUTE_NAME);
    }

    private int selfClosingStartTag() {
        if (pos >= len) {
            return FALSE;
        }
        if (s.charAt(pos) == '>') {
            if (pos <= 0) {
                return FALSE; // libinjection: RESULT_ERROR; unreachable, a '/' precedes
            }
            int start = pos - 1;
            state = State.DATA;
            pos++;
            return emit(Html5TokenType.TAG_NAME_SELFCLOSE, start, 2);
        }
        return goTo(State.BEFORE_ATTRIBUTE_NAME);
    }

    private int bogusComment() {
        int gt = s.indexOf('>', pos);
        int start = pos;
        if (gt < 0) {
            pos = len;
            state = State.EOF;
            return emit(Html5TokenType.TAG_COMMENT, start, len - start);
        }
        pos = gt + 1;
        state = State.DATA;
        return emit(Html5TokenType.TAG_COMMENT, start, gt - start);
    }

    /** {@code <% ... %>}, ended only by {@code %>}. */
    private int percentComment() {
        int p = pos;
        while (true) {
            int percent = s.indexOf('%', p);
            int start = pos;
            if (percent < 0 || percent + 1 >= len) {
                pos = len;
                state = State.EOF;
                return emit(Html5TokenType.TAG_COMMENT, start, len - start);
            }
            if (s.charAt(percent + 1) != '>') {
                p = percent + 1;
                continue;
            }
            pos = percent + 2;
            state = State.DATA;
            return emit(Html5TokenType.TAG_COMMENT, start, percent - start);
        }
    }

    private int markupDeclarationOpen() {
        int remaining = len - pos;
        if (remaining >= 7 && s.regionMatches(true, pos, "DOCTYPE", 0, 7) && isAsciiOnly(pos, 7)) {
            // the DOCTYPE token starts at the keyword itself
            return goTo(State.DOCTYPE);
        } else if (remaining >= 7 && s.startsWith("[CDATA[", pos)) {
            pos += 7;
            return goTo(State.CDATA);
        } else if (remaining >= 2 && s.charAt(pos) == '-' && s.charAt(pos + 1) == '-') {
            pos += 2;
            return goTo(State.COMMENT);
        }
        return goTo(State.BOGUS_COMMENT);
    }

    /**
     * Java's case-insensitive regionMatches also folds non-ASCII letters (e.g. U+0131 to 'I');
     * libinjection compares ASCII letters only. Inputs are bytes, but stay exact for any string.
     */
    private boolean isAsciiOnly(int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Comments end at EOF, {@code -->} or {@code -!>}; NULs between the first dash and the second
     * dash (or bang) are ignored.
     */
    private int comment() {
        int p = pos;
        while (true) {
            int dash = s.indexOf('-', p);
            if (dash < 0 || dash > len - 3) {
                return commentToEof();
            }
            int offset = 1;
            while (dash + offset < len && s.charAt(dash + offset) == 0) {
                offset++;
            }
            if (dash + offset == len) {
                return commentToEof();
            }
            char ch = s.charAt(dash + offset);
            if (ch != '-' && ch != '!') {
                p = dash + 1;
                continue;
            }
            offset++;
            if (dash + offset == len) {
                return commentToEof();
            }
            if (s.charAt(dash + offset) != '>') {
                p = dash + 1;
                continue;
            }
            offset++;
            int start = pos;
            pos = dash + offset;
            state = State.DATA;
            return emit(Html5TokenType.TAG_COMMENT, start, dash - start);
        }
    }

    private int commentToEof() {
        state = State.EOF;
        return emit(Html5TokenType.TAG_COMMENT, pos, len - pos);
    }

    /** {@code <![CDATA[ ... ]]>}: the content is text. */
    private int cdata() {
        int p = pos;
        while (true) {
            int bracket = s.indexOf(']', p);
            if (bracket < 0 || bracket > len - 3) {
                state = State.EOF;
                return emit(Html5TokenType.DATA_TEXT, pos, len - pos);
            }
            if (s.charAt(bracket + 1) == ']' && s.charAt(bracket + 2) == '>') {
                int start = pos;
                state = State.DATA;
                pos = bracket + 3;
                return emit(Html5TokenType.DATA_TEXT, start, bracket - start);
            }
            p = bracket + 1;
        }
    }

    private int doctype() {
        int start = pos;
        int gt = s.indexOf('>', pos);
        if (gt < 0) {
            state = State.EOF;
            return emit(Html5TokenType.DOCTYPE, start, len - start);
        }
        state = State.DATA;
        pos = gt + 1;
        return emit(Html5TokenType.DOCTYPE, start, gt - start);
    }
}
