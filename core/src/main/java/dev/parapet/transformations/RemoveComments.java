package dev.parapet.transformations;

/**
 * {@code t:removeComments}: deletes {@code /* ... *}{@code /} and {@code <!-- ... -->} comments; an
 * unterminated comment at the end becomes one space; {@code --} or {@code #} outside a comment deletes
 * the rest of the value (SQL/shell line comments).
 */
public final class RemoveComments implements Transformation {

    @Override
    public String name() {
        return "removeComments";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        char[] out = new char[len + 1];
        int o = 0;
        int i = 0;
        boolean inComment = false;
        while (i < len) {
            char c = input.charAt(i);
            if (!inComment) {
                if (c == '/' && i + 1 < len && input.charAt(i + 1) == '*') {
                    inComment = true;
                    i += 2;
                } else if (c == '<' && input.startsWith("!--", i + 1)) {
                    inComment = true;
                    i += 4;
                } else if ((c == '-' && i + 1 < len && input.charAt(i + 1) == '-') || c == '#') {
                    break;
                } else {
                    out[o++] = c;
                    i++;
                }
            } else if (c == '*' && i + 1 < len && input.charAt(i + 1) == '/') {
                inComment = false;
                i += 2;
            } else if (c == '-' && input.startsWith("->", i + 1)) {
                inComment = false;
                i += 3;
            } else {
                i++;
            }
        }
        if (inComment) {
            out[o++] = ' ';
        }
        return ByteChars.sameIfEqual(input, new String(out, 0, o));
    }
}
