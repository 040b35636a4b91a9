package dev.parapet.transformations;

/**
 * {@code t:removeCommentsChar}: deletes the comment markers {@code /*}, {@code *}{@code /},
 * {@code <!--}, {@code -->}, {@code --} and {@code #} (the text between them stays), scanning left to
 * right like ModSecurity v3.
 */
public final class RemoveCommentsChar implements Transformation {

    @Override
    public String name() {
        return "removeCommentsChar";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        int first = 0;
        while (first < len && markerLength(input, first) == 0) {
            first++;
        }
        if (first == len) {
            return input;
        }
        char[] out = new char[len];
        input.getChars(0, first, out, 0);
        int o = first;
        int i = first;
        while (i < len) {
            int marker = markerLength(input, i);
            if (marker > 0) {
                i += marker;
            } else {
                out[o++] = input.charAt(i++);
            }
        }
        return new String(out, 0, o);
    }

    private static int markerLength(String s, int i) {
        char c = s.charAt(i);
        int len = s.length();
        char next = i + 1 < len ? s.charAt(i + 1) : 0;
        return switch (c) {
            case '/' -> next == '*' ? 2 : 0;
            case '*' -> next == '/' ? 2 : 0;
            case '<' -> s.startsWith("!--", i + 1) ? 4 : 0;
            case '-' -> next != '-' ? 0 : (i + 2 < len && s.charAt(i + 2) == '>') ? 3 : 2;
            case '#' -> 1;
            default -> 0;
        };
    }
}
