package dev.parapet.operators.libinjection;

/**
 * One token of libinjection's SQL tokenizer, as exposed for tests and diagnostics.
 *
 * @param type token type character ({@code k} keyword, {@code U} union, {@code E} expression,
 *     {@code s} string, {@code 1} number, {@code n} bareword, {@code o} operator, {@code &} logic
 *     operator, {@code c} comment, {@code v} variable, {@code f} function, {@code (}/{@code )}
 *     parentheses, {@code X} unparsable, …)
 * @param value the token text, truncated to 31 bytes as libinjection stores it (may contain NUL)
 * @param position offset of the token text in the input
 * @param strOpen opening quote of a string-like token ({@code '}, {@code "}, {@code `}, {@code q},
 *     {@code u}, {@code $}) or {@code 0} when it had none
 * @param strClose closing quote, or {@code 0} when the string ran to the end of the input
 * @param count for variables, the number of leading {@code @} (1 or 2)
 */
public record SqliToken(char type, String value, int position, char strOpen, char strClose, int count) {
}
