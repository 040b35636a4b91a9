package dev.parapet.transformations;

/**
 * {@code t:urlEncode}: space becomes {@code +}; ASCII letters, digits and {@code *} stay; every other
 * byte becomes {@code %hh} (lowercase hex), as ModSecurity does.
 */
public final class UrlEncode implements Transformation {

    @Override
    public String name() {
        return "urlEncode";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && keep(input.charAt(first))) {
            first++;
        }
        if (first == len) {
            return input;
        }
        StringBuilder out = new StringBuilder(len + 16);
        out.append(input, 0, first);
        for (int i = first; i < len; i++) {
            char c = input.charAt(i);
            if (c == ' ') {
                out.append('+');
            } else if (keep(c)) {
                out.append(c);
            } else {
                out.append('%').append(ByteChars.hexLower(c >> 4)).append(ByteChars.hexLower(c));
            }
        }
        return out.toString();
    }

    private static boolean keep(char c) {
        return c == '*' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
