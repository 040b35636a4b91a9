package dev.parapet.transformations;

/** {@code t:removeNulls}: deletes all NUL (0x00) bytes. */
public final class RemoveNulls implements Transformation {

    @Override
    public String name() {
        return "removeNulls";
    }

    @Override
    public String apply(String input) {
        int first = input.indexOf('\0');
        if (first < 0) {
            return input;
        }
        int len = input.length();
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        for (int i = first + 1; i < len; i++) {
            char c = input.charAt(i);
            if (c != '\0') {
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }
}
