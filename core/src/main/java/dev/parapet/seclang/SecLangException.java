package dev.parapet.seclang;

/**
 * A rule set could not be loaded: a malformed or unknown directive, operator, action, variable or
 * transformation. The message names the file, the line and the offending token.
 */
public final class SecLangException extends RuntimeException {
    private final String file;
    private final int line;

    public SecLangException(String file, int line, String message) {
        super(format(file, line, message));
        this.file = file;
        this.line = line;
    }

    public SecLangException(String file, int line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    /** A problem not yet tied to a location; the parser adds file and line when it rethrows. */
    public SecLangException(String message) {
        this(null, 0, message);
    }

    public SecLangException(String message, Throwable cause) {
        this(null, 0, message, cause);
    }

    private static String format(String file, int line, String message) {
        if (file == null) {
            return message;
        }
        return file + ":" + line + ": " + message;
    }

    /** The file that holds the problem, or {@code null} when unknown. */
    public String file() {
        return file;
    }

    /** The 1-based line of the directive that holds the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The message without the location prefix. */
    public String reason() {
        String m = getMessage();
        if (file == null) {
            return m;
        }
        return m.substring(file.length() + 1 + String.valueOf(line).length() + 2);
    }
}
