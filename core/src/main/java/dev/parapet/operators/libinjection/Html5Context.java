package dev.parapet.operators.libinjection;

/**
 * Where in an HTML document the input is assumed to be placed; decides the tokenizer's start state.
 * Mirrors libinjection's {@code html5_flags}.
 */
enum Html5Context {
    /** Plain text between tags: {@code <div>$INPUT</div>}. */
    DATA_STATE,
    /** Inside a tag, where attributes start: {@code <tag $INPUT>} or an unquoted value. */
    VALUE_NO_QUOTE,
    /** Inside a single-quoted attribute value: {@code <tag a='$INPUT'>}. */
    VALUE_SINGLE_QUOTE,
    /** Inside a double-quoted attribute value: {@code <tag a="$INPUT">}. */
    VALUE_DOUBLE_QUOTE,
    /** Inside a back-quoted attribute value (old IE): {@code <tag a=`$INPUT`>}. */
    VALUE_BACK_QUOTE
}
