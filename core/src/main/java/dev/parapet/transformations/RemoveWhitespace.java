package dev.parapet.transformations;

/** {@code t:removeWhitespace}: deletes C whitespace (space, \t, \n, \v, \f, \r) and NBSP (0xA0). */
public final class RemoveWhitespace implements Transformation {

    @Override
    public String name() {
        return "removeWhitespace";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && !ByteChars.isSpaceOrNbsp(input.charAt(first))) {
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        for (int i = first + 1; i < len; i++) {
            char c = input.charAt(i);
            if (!ByteChars.isSpaceOrNbsp(c)) {
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }
}
