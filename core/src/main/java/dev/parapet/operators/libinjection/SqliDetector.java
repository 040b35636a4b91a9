package dev.parapet.operators.libinjection;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * libinjection's SQL-injection detector ({@code libinjection_sqli}) in pure Java.
 *
 * <p>The input is tokenized as SQL, folded to at most five tokens, and the token types form a
 * fingerprint such as {@code s&1UE}; the input is SQL injection when the fingerprint is in
 * libinjection's list and passes its false-positive filter. The input is tried as-is, as if it
 * followed a single quote and as if it followed a double quote, in the ANSI and MySQL dialects,
 * exactly as {@code libinjection_is_sqli}.
 *
 * <p>Inputs are byte strings (one byte per {@code char}); a {@code char} above 0xFF, which a byte
 * string never holds, is replaced by its UTF-8 bytes first. Every method runs in time linear in
 * the input length, never throws for any input, and is thread-safe.
 */
public final class SqliDetector {

    /** Context flag: the input is not inside a string. */
    public static final int FLAG_QUOTE_NONE = SqliParser.FLAG_QUOTE_NONE;
    /** Context flag: the input follows an opening single quote. */
    public static final int FLAG_QUOTE_SINGLE = SqliParser.FLAG_QUOTE_SINGLE;
    /** Context flag: the input follows an opening double quote. */
    public static final int FLAG_QUOTE_DOUBLE = SqliParser.FLAG_QUOTE_DOUBLE;
    /** Dialect flag: ANSI SQL ({@code --x} is a comment, {@code #} an operator). */
    public static final int FLAG_SQL_ANSI = SqliParser.FLAG_SQL_ANSI;
    /** Dialect flag: MySQL ({@code #} starts a comment, {@code --x} is two minus signs). */
    public static final int FLAG_SQL_MYSQL = SqliParser.FLAG_SQL_MYSQL;

    private SqliDetector() {
    }

    /**
     * Detects SQL injection.
     *
     * @param input a byte string; {@code null} counts as empty
     * @return the matching fingerprint (e.g. {@code "s&1UE"}) when the input is SQL injection,
     *     otherwise {@code null}
     */
    public static String detect(String input) {
        return detect(input, new Workspace());
    }

    /**
     * {@link #detect(String)} reusing the parser kept in {@code workspace}, so a transaction that tests many
     * values creates the parser and its token slots once.
     */
    public static String detect(String input, Workspace workspace) {
        if (input == null || input.isEmpty()) {
            return null;
        }
        SqliData data = SqliData.get();
        if (!data.loneTokenCanBeListed() && isLoneToken(input)) {
            // A lone word or number is one token: a number, a keyword's type or a bare word (or
            // nothing, when skipped as a leading SQL type or NOT). With no quote and no comment
            // only the plain context runs, and no one-token fingerprint is listed. Most argument
            // values are such words and numbers.
            return null;
        }
        SqliParser parser = workspace.parser;
        if (parser == null) {
            parser = new SqliParser(data, toBytes(input), 0);
            workspace.parser = parser;
        } else {
            parser.restart(toBytes(input), 0);
        }
        return parser.isSqli() ? parser.currentFingerprint() : null;
    }

    /**
     * Reusable parser state for {@link #detect(String, Workspace)}: for one thread at a time (one
     * transaction); {@link #clear()} drops every reference to the values it parsed.
     */
    public static final class Workspace {

        private SqliParser parser;

        /** Forgets the last value parsed. */
        public void clear() {
            if (parser != null) {
                parser.release();
            }
        }

        /** Whether nothing of a parsed value is referenced (true after {@link #clear()}). */
        boolean holdsNoInput() {
            return parser == null || parser.released();
        }
    }

    /** Whether {@link #detect(String)} finds SQL injection. */
    public static boolean isSqli(String input) {
        return detect(input) != null;
    }

    /**
     * The fingerprint of the input in one context ({@code libinjection_sqli_fingerprint}), whether
     * or not it is a listed one; {@code "X"} when the input cannot be parsed reliably.
     *
     * @param flags one {@code FLAG_QUOTE_*} or'ed with one {@code FLAG_SQL_*}; 0 means
     *     {@code FLAG_QUOTE_NONE | FLAG_SQL_ANSI}
     */
    public static String fingerprint(String input, int flags) {
        return new SqliParser(SqliData.get(), toBytes(nonNull(input)), flags).fingerprint(flags);
    }

    /**
     * Whether a fingerprint is in libinjection's fingerprint list (before the false-positive
     * filter, which needs the tokens).
     */
    public static boolean isListedFingerprint(String fingerprint) {
        return fingerprint != null && !fingerprint.isEmpty() && SqliData.get().isFingerprint(fingerprint);
    }

    /**
     * Every token of the input in one context, unfolded ({@code libinjection_sqli_tokenize} in a
     * loop, as libinjection's test driver prints them).
     *
     * @param flags as for {@link #fingerprint(String, int)}
     */
    public static List<SqliToken> tokenize(String input, int flags) {
        return List.copyOf(new SqliParser(SqliData.get(), toBytes(nonNull(input)), flags).allTokens());
    }

    /**
     * The folded tokens of the input in one context, at most five ({@code libinjection_sqli_fold});
     * their types, after the final fingerprint adjustments, form the fingerprint.
     *
     * @param flags as for {@link #fingerprint(String, int)}
     */
    public static List<SqliToken> fold(String input, int flags) {
        return List.copyOf(new SqliParser(SqliData.get(), toBytes(nonNull(input)), flags).foldedTokens());
    }

    /**
     * ASCII digits only, or an ASCII letter or '_' followed by letters, digits and '_': the
     * tokenizer reads either as a single token, a number or a word whatever its letters (a first
     * letter starts a b'', e'', n'', q'', u&'' or x'' literal only when a quote or '&' follows).
     */
    static boolean isLoneToken(String input) {
        if (input.isEmpty()) {
            return false;
        }
        boolean number = isDigit(input.charAt(0));
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigit(c);
            if (number ? !isDigit(c) : !wordChar) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String nonNull(String input) {
        return input == null ? "" : input;
    }

    /** Keeps byte strings as they are; re-encodes anything holding chars above 0xFF as UTF-8 bytes. */
    static String toBytes(String input) {
        for (int i = 0; i < input.length(); i++) {
            if (input.charAt(i) > 0xFF) {
                return new String(input.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return input;
    }
}
