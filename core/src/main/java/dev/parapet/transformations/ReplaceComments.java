package dev.parapet.transformations;

/**
 * {@code t:replaceComments}: replaces each C comment {@code /* ... *}{@code /} with one space; an
 * unterminated comment at the end also becomes one space. A lone {@code *}{@code /} is kept.
 */
public final class ReplaceComments implements Transformation {

    @Override
    public String name() {
        return "replaceComments";
    }

    @Override
    public String apply(String input) {
        int first = input.indexOf("/*");
        if (first < 0) {
            return input;
        }
        int len = input.length();
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        int i = first;
        boolean inComment = false;
        while (i < len) {
            char c = input.charAt(i);
            if (!inComment) {
                if (c == '/' && i + 1 < len && input.charAt(i + 1) == '*') {
                    inComment = true;
                    i += 2;
                } else {
                    out[o++] = c;
                    i++;
                }
            } else if (c == '*' && i + 1 < len && input.charAt(i + 1) == '/') {
                inComment = false;
                out[o++] = ' ';
                i += 2;
            } else {
                i++;
            }
        }
        if (inComment) {
            out[o++] = ' ';
        }
        return new String(out, 0, o);
    }
}
