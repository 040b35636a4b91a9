package dev.parapet.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule reference lists every id of every bundled file (single ids or short ranges such as 440103-440106). */
class ReadmeReferenceTest {

    // The README is project text, not request data, so java.util.regex is fine here.
    private static final Pattern ID_OR_RANGE = Pattern.compile("\\b(44\\d{4})(?:-(44\\d{4}))?\\b");

    @Test
    void everyRuleIdIsDocumented() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"));
        Set<Integer> documented = new TreeSet<>();
        Matcher m = ID_OR_RANGE.matcher(readme);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to - from < 10) { // wider ranges name id blocks of files, not rules
                for (int id = from; id <= to; id++) {
                    documented.add(id);
                }
            }
        }
        Firewall.Builder all = Rulesets.builder()
                .profile(Rulesets.Profile.values())
                .exclusions(Rulesets.Exclusions.values())
                .applyTo(Firewall.builder())
                .classpath(Rulesets.CRS_COMPANION);
        Set<Integer> loaded = new TreeSet<>(all.build().ruleIds());
        Set<Integer> missing = new TreeSet<>(loaded);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "rule ids missing from README.md");
    }
}
