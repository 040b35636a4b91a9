package dev.parapet.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parapet.operators.internal.AnchoredSplit;
import dev.parapet.operators.internal.EndAnchoredFind;
import dev.parapet.operators.internal.LiteralScreen;
import dev.parapet.operators.internal.ScreenArena;
import dev.parapet.operators.internal.ModSecRegex;
import dev.parapet.operators.internal.RequiredLiterals;
import dev.parapet.operators.internal.WholeValueRegex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loads the operator arguments of OWASP CRS 4.28.0 from {@code parapet.shared.dir} (skipped when absent). */
class CrsOperatorsTest {

    private static Path rulesDir() {
        String shared = System.getProperty("parapet.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "crs-4.28.0", "rules");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "CRS 4.28.0 not found under parapet.shared.dir (" + shared + "); skipping CRS operator tests");
        return dir;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code @rx} argument in the rule files (continuations joined, {@code \"} unescaped). */
    private static Set<String> rxPatterns(Path dir) throws IOException {
        Set<String> patterns = new LinkedHashSet<>();
        List<Path> confs;
        try (Stream<Path> files = Files.list(dir)) {
            confs = files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path conf : confs) {
            String text = String.join("\n", lines(conf)).replace("\\\n", "");
            int at = 0;
            while ((at = text.indexOf("@rx ", at)) >= 0) {
                int i = at + 4;
                StringBuilder pattern = new StringBuilder();
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        pattern.append('"');
                        i += 2;
                    } else {
                        pattern.append(text.charAt(i++));
                    }
                }
                patterns.add(pattern.toString());
                at = i;
            }
        }
        return patterns;
    }

    @Test
    void everyCrsRegexCompiles() throws IOException {
        Set<String> patterns = rxPatterns(rulesDir());
        assertTrue(patterns.size() >= 290, "expected ~294 distinct @rx patterns, found " + patterns.size());
        List<String> failures = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                ModSecRegex.compile(pattern, false);
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * The literal screen is only an optimisation if it never hides a match: every CRS regex that matches a
     * string from the CRS regression tests or libinjection's corpora (raw, percent-decoded, lower-cased)
     * must find every one of its required-literal clauses in it. Only strings the screen rejects need the
     * regex run, which keeps this affordable.
     */
    @Test
    void requiredLiteralsHoldForEveryCrsRegexOnAttackCorpora() throws IOException {
        Path rules = rulesDir();
        Set<String> corpus = attackCorpus(rules.getParent().resolve("tests"),
                rules.getParent().getParent().resolve("libinjection").resolve("data"));
        assertTrue(corpus.size() > 5_000, "corpus too small: " + corpus.size());
        int screened = 0;
        List<String> unsound = new ArrayList<>();
        for (String source : rxPatterns(rules)) {
            List<Set<String>> clauses = RequiredLiterals.of(ModSecRegex.rewrite(source));
            if (clauses.isEmpty()) {
                continue;
            }
            screened++;
            org.safere.Pattern regex = ModSecRegex.compile(source, false);
            LiteralScreen screen = LiteralScreen.build(clauses);
            org.safere.Matcher m = regex.matcher("");
            ScreenArena arena = new ScreenArena();
            for (String input : corpus) {
                arena.clear();
                int found = screen.scan(input, arena);
                boolean passes = true;
                for (int slot = 0; slot < clauses.size(); slot++) {
                    passes &= screen.passes(arena, found, slot, input);
                }
                if (!passes && m.reset(input).find()) {
                    unsound.add(source + " matches " + input + " but misses one of " + clauses);
                }
            }
        }
        assertTrue(screened > 250, "expected most CRS regexes to get literal conditions, got " + screened);
        assertEquals(List.of(), unsound.stream().limit(10).toList());
    }

    /** Every CRS regex split by AnchoredSplit finds the same match as the original on the attack corpora. */
    @Test
    void anchoredSplitsFindWhatTheCrsRegexFinds() throws IOException {
        Path rules = rulesDir();
        Set<String> corpus = attackCorpus(rules.getParent().resolve("tests"),
                rules.getParent().getParent().resolve("libinjection").resolve("data"));
        int split = 0;
        List<String> differences = new ArrayList<>();
        for (String source : rxPatterns(rules)) {
            AnchoredSplit s = AnchoredSplit.of(ModSecRegex.compile(source, false));
            if (s == null) {
                continue;
            }
            split++;
            org.safere.Matcher original = ModSecRegex.compile(source, false).matcher("");
            org.safere.Matcher before = s.before() == null ? null : s.before().matcher("");
            org.safere.Matcher anchored = s.anchored().matcher("");
            org.safere.Matcher rest = s.rest().matcher("");
            for (String input : corpus) {
                String expected = original.reset(input).find() ? original.start() + ":" + original.end() : null;
                String actual = before != null && before.reset(input).lookingAt() ? "0:" + before.end()
                        : anchored.reset(input).lookingAt() ? "0:" + anchored.end()
                        : rest.reset(input).find() ? rest.start() + ":" + rest.end() : null;
                if (!java.util.Objects.equals(expected, actual)) {
                    differences.add(source + " on " + input + ": " + expected + " vs " + actual);
                }
            }
        }
        assertTrue(split >= 5, "expected CRS's (?:^...|...) patterns to be split, got " + split);
        assertEquals(List.of(), differences.stream().limit(10).toList());
    }

    /**
     * For every CRS regex whose {@code find()} (or that of the rest of its anchored split, which is what gets
     * searched then) {@link EndAnchoredFind} answers by {@code matches()}, the two agree on the attack corpora.
     * Few corpus lines end with what these regexes look for, so every line is also cut after each of its words.
     */
    @Test
    void endAnchoredFindAgreesWithFindOnCrsRegexes() throws IOException {
        Path rules = rulesDir();
        Set<String> corpus = new LinkedHashSet<>();
        for (String line : attackCorpus(rules.getParent().resolve("tests"),
                rules.getParent().getParent().resolve("libinjection").resolve("data"))) {
            corpus.add(line);
            for (int end = 1; end < line.length(); end++) {
                if (Character.isLetterOrDigit(line.charAt(end - 1)) && !Character.isLetterOrDigit(line.charAt(end))) {
                    corpus.add(line.substring(0, end));
                }
            }
        }
        int rewritten = 0;
        int matched = 0;
        List<String> differences = new ArrayList<>();
        for (String source : rxPatterns(rules)) {
            org.safere.Pattern compiled = ModSecRegex.compile(source, false);
            AnchoredSplit split = AnchoredSplit.of(compiled);
            org.safere.Pattern searched = split == null ? compiled : split.rest();
            org.safere.Pattern whole = EndAnchoredFind.asWholeValueMatch(searched);
            if (whole == null) {
                continue;
            }
            rewritten++;
            org.safere.Matcher find = searched.matcher("");
            org.safere.Matcher matches = whole.matcher("");
            for (String input : corpus) {
                boolean found = find.reset(input).find();
                matched += found ? 1 : 0;
                if (found != matches.reset(input).matches()) {
                    differences.add(source + " on " + input + ": find " + found);
                }
            }
        }
        assertTrue(rewritten >= 8, "expected 932340, 920440, 933110 and others, got " + rewritten);
        assertTrue(matched > 1000, "too few matches in the corpus to show anything: " + matched);
        assertEquals(List.of(), differences.stream().limit(10).toList());
    }

    /**
     * For every CRS regex that {@link Rx} searches in another way than one plain search (anchored split,
     * {@link EndAnchoredFind}, no search for {@code ^.*$}), the operator's verdict and captures are those of the
     * plain search, on every string of the attack corpora, with and without the {@code capture} action.
     */
    @Test
    void rxFindsWhatAPlainSearchFindsForEveryCrsRegexWithASearchPlan() throws IOException {
        Path rules = rulesDir();
        List<String> corpus = List.copyOf(attackCorpus(rules.getParent().resolve("tests"),
                rules.getParent().getParent().resolve("libinjection").resolve("data")));
        int planned = 0;
        for (String source : rxPatterns(rules)) {
            org.safere.Pattern compiled = ModSecRegex.compile(source, false);
            AnchoredSplit split = AnchoredSplit.of(compiled);
            boolean hasPlan = split != null || WholeValueRegex.matchesEveryValueWhole(compiled)
                    || EndAnchoredFind.asWholeValueMatch(split == null ? compiled : split.rest()) != null;
            if (hasPlan) {
                planned++;
                RxSearchPlanTest.assertSameAsPlainSearch(source, corpus);
            }
        }
        assertTrue(planned >= 15, "expected the split, end-anchored and ^.*$ CRS regexes, got " + planned);
    }

    private static Set<String> attackCorpus(Path crsTests, Path libinjectionData) throws IOException {
        Set<String> corpus = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(crsTests)) {
            walk.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
        }
        if (Files.isDirectory(libinjectionData)) {
            try (Stream<Path> list = Files.list(libinjectionData)) {
                list.filter(f -> f.toString().endsWith(".txt")).forEach(files::add);
            }
        }
        for (Path file : files) {
            for (String line : lines(file)) {
                String value = line.strip();
                int colon = value.indexOf(": ");
                if (file.toString().endsWith(".yaml") && colon > 0) {
                    value = value.substring(colon + 2);
                }
                if (value.isEmpty() || value.length() > 2_000) {
                    continue;
                }
                corpus.add(value);
                String decoded = percentDecoded(value);
                corpus.add(decoded);
                corpus.add(decoded.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return corpus;
    }

    private static String percentDecoded(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c == '+' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Entry counts from the inventory (§1.3: non-empty, non-# lines). */
    @ParameterizedTest(name = "{0} has {1} phrases")
    @CsvSource({
        "scanners-user-agents.data, 78",
        "lfi-os-files.data, 1082",
        "restricted-files.data, 624",
        "ai-critical-artifacts.data, 25",
        "windows-powershell-commands.data, 421",
        "unix-shell.data, 709",
        "restricted-upload.data, 494",
        "php-variables.data, 21",
        "php-function-names-933150.data, 233",
        "ssrf.data, 103",
        "ssrf-no-scheme.data, 13",
        "java-classes.data, 68",
        "asp-dotnet-errors.data, 57",
        "sql-errors.data, 171",
        "php-errors.data, 1833",
        "iis-errors.data, 55",
        "web-shells-php.data, 74",
        "web-shells-asp.data, 3",
        "ruby-errors.data, 106"})
    void crsDataFilesLoad(String file, int expected) {
        Path dir = rulesDir();
        OperatorArgs args = new OperatorArgs("pmFromFile", file, name -> lines(dir.resolve(name)));
        List<String> phrases = PmFromFile.phrases(args);
        assertEquals(expected, phrases.size());
        // every phrase is found by the compiled operator in a text that contains it
        Operator op = PmFromFile.create(args);
        for (String phrase : phrases) {
            assertTrue(op.evaluate(FakeContext.plain(), "<<" + phrase + ">>"), phrase);
        }
    }
}
