package dev.parapet.transformations;

/**
 * {@code t:cmdLine}: normalises command lines as ModSecurity does: deletes {@code \\ " ' ^}; turns runs
 * of space, tab, CR, LF, {@code ,} and {@code ;} into one space; deletes a space before {@code /} and
 * {@code (}; lowercases ASCII.
 */
public final class CmdLine implements Transformation {

    @Override
    public String name() {
        return "cmdLine";
    }

    @Override
    public String apply(String input) {
        return unchanged(input) ? input : rewrite(input);
    }

    /**
     * Whether {@link #rewrite} would return the input as it is, tested without building a copy: most values
     * (lower-case words, numbers, identifiers) have nothing to delete, fold or squeeze.
     */
    static boolean unchanged(String input) {
        int len = input.length();
        for (int i = 0; i < len; i++) {
            char c = input.charAt(i);
            switch (c) {
                case '"', '\'', '\\', '^', ',', ';', '\t', '\r', '\n' -> {
                    return false;
                }
                case ' ' -> {
                    if (i + 1 < len) {
                        char next = input.charAt(i + 1);
                        if (next == ' ' || next == '/' || next == '(') {
                            return false;
                        }
                    }
                }
                default -> {
                    if (c >= 'A' && c <= 'Z') {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The normalised command line (the input itself when nothing changed). */
    static String rewrite(String input) {
        int len = input.length();
        char[] out = new char[len];
        int o = 0;
        boolean space = false;
        for (int i = 0; i < len; i++) {
            char a = input.charAt(i);
            switch (a) {
                case '"', '\'', '\\', '^' -> {
                    // removed
                }
                case ' ', ',', ';', '\t', '\r', '\n' -> {
                    if (!space) {
                        out[o++] = ' ';
                        space = true;
                    }
                }
                case '/', '(' -> {
                    if (space) {
                        o--;
                    }
                    space = false;
                    out[o++] = a;
                }
                default -> {
                    out[o++] = ByteChars.toLowerAscii(a);
                    space = false;
                }
            }
        }
        return ByteChars.sameIfEqual(input, new String(out, 0, o));
    }
}
