package dev.parapet.benchmarks;

import dev.parapet.operators.OperatorArgs;
import dev.parapet.seclang.Directive;
import dev.parapet.seclang.SecLangReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads single rules out of the CRS files, for the component benchmarks that run one operator. */
public final class CrsRules {

    /**
     * One {@code SecRule} as written.
     *
     * @param id the rule's id, or that of the chain it belongs to
     * @param paranoiaLevel from the {@code paranoia-level/N} tag of the rule or its chain, 1 when absent
     * @param file the rule file's name
     * @param operator the operator name without {@code @} (e.g. {@code rx}); {@code rx} when implicit
     * @param argument the operator argument
     */
    public record Rule(int id, int paranoiaLevel, String file, String operator, String argument) {
    }

    private CrsRules() {
    }

    /** Every {@code SecRule} of the CRS rule files whose name starts with {@code prefix} (e.g. {@code REQUEST-}). */
    public static List<Rule> rules(Path crs, String prefix) {
        List<Rule> rules = new ArrayList<>();
        for (Path file : RulesetFixture.crsRuleFiles(crs)) {
            String fileName = file.getFileName().toString();
            if (!fileName.startsWith(prefix)) {
                continue;
            }
            int chainId = 0;
            int chainLevel = 1;
            boolean inChain = false;
            for (Directive d : SecLangReader.readFile(file)) {
                if (!d.name().equalsIgnoreCase("SecRule") || d.arguments().size() < 2) {
                    continue;
                }
                String actions = d.arguments().size() > 2 ? d.arguments().get(2) : "";
                int id = inChain ? chainId : number(actions, "id:");
                int level = inChain ? chainLevel : Math.max(1, number(actions, "paranoia-level/"));
                String op = d.arguments().get(1);
                if (op.startsWith("!")) {
                    op = op.substring(1);
                }
                String name = "rx";
                String argument = op;
                if (op.startsWith("@")) {
                    int space = op.indexOf(' ');
                    name = space < 0 ? op.substring(1) : op.substring(1, space);
                    argument = space < 0 ? "" : op.substring(space + 1);
                }
                rules.add(new Rule(id, level, fileName, name, argument));
                boolean chains = hasChain(actions);
                if (chains && !inChain) {
                    chainId = id;
                    chainLevel = level;
                }
                inChain = chains;
            }
        }
        return rules;
    }

    /** The first {@code SecRule} of rule {@code id}. */
    public static Rule rule(Path crs, int id) {
        return rules(crs, "").stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in " + crs));
    }

    /** Operator arguments whose data files resolve from CRS's {@code rules/} directory. */
    public static OperatorArgs operatorArgs(Path crs, String operator, String argument) {
        Path rules = crs.resolve("rules");
        return new OperatorArgs(operator, argument, file -> {
            try {
                return Files.readAllLines(rules.resolve(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether the action list holds a bare {@code chain} action (not the word inside a message). */
    private static boolean hasChain(String actions) {
        int from = 0;
        while (true) {
            int at = actions.indexOf("chain", from);
            if (at < 0) {
                return false;
            }
            int before = at - 1;
            while (before >= 0 && actions.charAt(before) == ' ') {
                before--;
            }
            int after = at + 5;
            while (after < actions.length() && actions.charAt(after) == ' ') {
                after++;
            }
            if ((before < 0 || actions.charAt(before) == ',')
                    && (after == actions.length() || actions.charAt(after) == ',')) {
                return true;
            }
            from = at + 5;
        }
    }

    /** The decimal number right after the first {@code marker} in {@code text}, or 0. */
    private static int number(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return 0;
        }
        int i = at + marker.length();
        if (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        int value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return value;
    }
}
