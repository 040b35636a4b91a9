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
