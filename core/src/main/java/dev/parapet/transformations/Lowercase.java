package dev.parapet.transformations;

/** {@code t:lowercase}: ASCII A-Z to a-z; other bytes unchanged (C locale, like ModSecurity). */
public final class Lowercase implements Transformation {

    @Override
    public String name() {
        return "lowercase";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && !(input.charAt(first) >= 'A' && input.charAt(first) <= 'Z')) {
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = input.toCharArray();
        for (int i = first; i < len; i++) {
            out[i] = ByteChars.toLowerAscii(out[i]);
        }
        return new String(out);
    }
}
