package dev.parapet.transformations;

/** {@code t:trimLeft}: removes leading C whitespace (space, \t, \n, \v, \f, \r). */
public final class TrimLeft implements Transformation {

    @Override
    public String name() {
        return "trimLeft";
    }

    @Override
    public String apply(String input) {
        return trimLeft(input);
    }

    static String trimLeft(String input) {
        int start = 0;
        while (start < input.length() && ByteChars.isCSpace(input.charAt(start))) {
            start++;
        }
        return start == 0 ? input : input.substring(start);
    }
}
