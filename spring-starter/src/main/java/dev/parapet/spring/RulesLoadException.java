package dev.parapet.spring;

/**
 * The rules configured for Parapet could not be loaded: a SecLang error (with the file and line), a missing file or
 * a directory that is not a CRS installation. At startup it stops the application with a failure analysis; on a hot
 * reload the previous rules stay in force.
 */
public final class RulesLoadException extends RuntimeException {

    private final String file;
    private final int line;

    /**
     * @param message what went wrong, location included
     * @param file the rule file that holds the problem, or {@code null} when none does
     * @param line the 1-based line in {@code file}, or 0 when unknown
     * @param cause the engine's exception
     */
    public RulesLoadException(String message, String file, int line, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** The rule file that holds the problem, or {@code null} when no single file does. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem in {@link #file()}, or 0 when unknown. */
    public int line() {
        return line;
    }
}
