package dev.parapet.operators.libinjection;

/**
 * libinjection's character classes: the first byte of a token selects its parser. Names match
 * the {@code CHAR_*} entries of libinjection's {@code sqlparse_data.json} without the prefix.
 */
enum SqliCharClass {
    WHITE, BANG, STR, HASH, MONEY, OP1, OP2, UNARY, LEFTPARENS, RIGHTPARENS, COMMA, DASH, NUM,
    SLASH, SEMICOLON, OTHER, VAR, WORD, BSTRING, ESTRING, NQSTRING, QSTRING, USTRING, XSTRING,
    BWORD, BACK, TICK, LEFTBRACE, RIGHTBRACE
}
