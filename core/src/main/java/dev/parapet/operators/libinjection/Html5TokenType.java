package dev.parapet.operators.libinjection;

/** Kinds of token the {@link Html5Tokenizer} emits; names follow libinjection's {@code html5_type}. */
enum Html5TokenType {
    DATA_TEXT,
    TAG_NAME_OPEN,
    TAG_NAME_CLOSE,
    TAG_NAME_SELFCLOSE,
    TAG_DATA,
    TAG_CLOSE,
    ATTR_NAME,
    ATTR_VALUE,
    TAG_COMMENT,
    DOCTYPE
}
