package dev.parapet.transformations;

/**
 * {@code t:compressWhitespace}: replaces every run of C whitespace (space, \t, \n, \v, \f, \r) and NBSP
 * (0xA0) with a single space.
 */
public final class CompressWhitespace implements Transformation {

    @Override
    public String name() {
        return "compressWhitespace";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len) {
            char c = input.charAt(first);
            if (ByteChars.isSpaceOrNbsp(c)
                    && (c != ' ' || (first + 1 < len && ByteChars.isSpaceOrNbsp(input.charAt(first + 1))))) {
                break;
            }
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        boolean inSpace = false;
        for (int i = first; i < len; i++) {
            char c = input.charAt(i);
            if (ByteChars.isSpaceOrNbsp(c)) {
                if (!inSpace) {
                    out[o++] = ' ';
                    inSpace = true;
                }
            } else {
                out[o++] = c;
                inSpace = false;
            }
        }
        return new String(out, 0, o);
    }
}
