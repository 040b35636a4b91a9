package dev.parapet.transformations;

/** {@code t:uppercase}: ASCII a-z to A-Z; other bytes unchanged (C locale, like ModSecurity). */
public final class Uppercase implements Transformation {

    @Override
    public String name() {
        return "uppercase";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && !(input.charAt(first) >= 'a' && input.charAt(first) <= 'z')) {
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = input.toCharArray();
        for (int i = first; i < len; i++) {
            out[i] = ByteChars.toUpperAscii(out[i]);
        }
        return new String(out);
    }
}
