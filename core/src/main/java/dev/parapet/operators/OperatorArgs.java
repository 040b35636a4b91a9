package dev.parapet.operators;

import dev.parapet.seclang.MacroString;
import java.util.List;
import java.util.function.Function;

/**
 * The argument of an operator as written in a rule, with what a factory needs to compile it.
 *
 * @param name the operator name without {@code @}, e.g. {@code rx}
 * @param argument the raw argument (quotes removed, escapes as ModSecurity keeps them)
 * @param dataFiles reads a data file named relative to the rule file (for {@code @pmFromFile},
 *     {@code @ipMatchFromFile}); returns its lines or throws {@link dev.parapet.seclang.SecLangException}
 */
public record OperatorArgs(String name, String argument, Function<String, List<String>> dataFiles) {

    /** The argument parsed as a macro template, for operators that expand it per transaction. */
    public MacroString macro() {
        return MacroString.parse(argument);
    }

    /** Arguments for tests and for operators that read no files. */
    public static OperatorArgs of(String name, String argument) {
        return new OperatorArgs(name, argument, file -> {
            throw new dev.parapet.seclang.SecLangException("no data files available to read " + file);
        });
    }
}
