package dev.parapet.operators;

/**
 * {@code @validateUrlEncoding}: matches when a {@code %} is not followed by two hexadecimal digits
 * (including a {@code %} too close to the end of the input). Takes no argument.
 */
public final class ValidateUrlEncoding implements Operator {

    private static final ValidateUrlEncoding INSTANCE = new ValidateUrlEncoding();

    private ValidateUrlEncoding() {
    }

    /** Factory for the registry. */
    public static Operator create(OperatorArgs args) {
        return INSTANCE;
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        int n = input.length();
        int i = 0;
        while (i < n) {
            if (input.charAt(i) == '%') {
                if (i + 2 >= n) {
                    return true;
                }
                if (!isHex(input.charAt(i + 1)) || !isHex(input.charAt(i + 2))) {
                    return true;
                }
                i += 3;
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
