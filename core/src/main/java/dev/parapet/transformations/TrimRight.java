package dev.parapet.transformations;

/** {@code t:trimRight}: removes trailing C whitespace (space, \t, \n, \v, \f, \r). */
public final class TrimRight implements Transformation {

    @Override
    public String name() {
        return "trimRight";
    }

    @Override
    public String apply(String input) {
        return trimRight(input);
    }

    static String trimRight(String input) {
        int end = input.length();
        while (end > 0 && ByteChars.isCSpace(input.charAt(end - 1))) {
            end--;
        }
        return end == input.length() ? input : input.substring(0, end);
    }
}
