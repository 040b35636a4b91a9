package dev.parapet.seclang;

import java.util.List;

/**
 * One SecLang directive as read from a file: its name and arguments, with quotes removed and the
 * escapes ModSecurity folds already applied.
 *
 * @param name the directive name as written, e.g. {@code SecRule}
 * @param arguments the arguments in order
 * @param file where it was read (a path, a classpath resource or an inline source name)
 * @param line the 1-based line where the directive starts
 * @param baseDirectory the directory relative paths in this directive resolve from, or {@code null}
 */
public record Directive(String name, List<String> arguments, String file, int line, java.nio.file.Path baseDirectory) {

    public Directive {
        arguments = List.copyOf(arguments);
    }

    /** A {@link SecLangException} located at this directive. */
    public SecLangException error(String message) {
        return new SecLangException(file, line, message);
    }

    /** A {@link SecLangException} located at this directive, keeping the cause. */
    public SecLangException error(String message, Throwable cause) {
        return new SecLangException(file, line, message, cause);
    }
}
