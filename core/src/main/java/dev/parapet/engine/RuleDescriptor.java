package dev.parapet.engine;

import java.util.List;
import java.util.Objects;

/**
 * A read-only description of one loaded rule, for monitoring and administration (which rules run, where they
 * came from). It carries no behaviour: the compiled rule stays inside the engine.
 *
 * @param id the rule id
 * @param phase the phase it runs in (1-5)
 * @param file the file (or directive source name) it was read from
 * @param line the 1-based line of the rule in that file
 * @param tags the rule's tags, in order
 * @param message the unexpanded {@code msg}, or empty
 */
public record RuleDescriptor(int id, int phase, String file, int line, List<String> tags, String message) {

    public RuleDescriptor {
        Objects.requireNonNull(file, "file");
        tags = List.copyOf(tags);
        message = message == null ? "" : message;
    }
}
