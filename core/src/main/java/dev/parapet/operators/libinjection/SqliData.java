package dev.parapet.operators.libinjection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * libinjection's SQLi tables (character classes, keywords, fingerprints), loaded once from
 * {@code sqli-data.txt}, which {@code tools/libinjection-data/generate_sqli_data.py} derives from
 * libinjection's {@code sqlparse_data.json} (BSD-3-Clause, see {@code LICENSE-libinjection.txt}).
 */
final class SqliData {

    static final String RESOURCE = "sqli-data.txt";

    private static final SqliData INSTANCE = load();

    private final SqliCharClass[] charClasses;
    private final Map<String, Character> keywords;
    private final Set<String> fingerprints;

    private SqliData(SqliCharClass[] charClasses, Map<String, Character> keywords, Set<String> fingerprints) {
        this.charClasses = charClasses;
        this.keywords = keywords;
        this.fingerprints = fingerprints;
    }

    static SqliData get() {
        return INSTANCE;
    }

    /** The parser class of a byte (0..255). */
    SqliCharClass charClass(int b) {
        return charClasses[b];
    }

    /**
     * The token type of a word, keyword phrase or two-char operator, ASCII case-insensitive as
     * libinjection's table lookup; {@code 0} when unknown.
     */
    char lookupWord(String word) {
        Character type = keywords.get(SqliParser.asciiUpper(word));
        return type == null ? 0 : type;
    }

    /** Whether a fingerprint is in libinjection's list (compared upper-cased, as libinjection does). */
    boolean isFingerprint(String fingerprint) {
        return fingerprints.contains(SqliParser.asciiUpper(fingerprint));
    }

    int keywordCount() {
        return keywords.size();
    }

    int fingerprintCount() {
        return fingerprints.size();
    }

    Map<String, Character> keywords() {
        return keywords;
    }

    Set<String> fingerprints() {
        return fingerprints;
    }

    SqliCharClass[] charClasses() {
        return charClasses.clone();
    }

    private static SqliData load() {
        try (InputStream in = SqliData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static SqliData parse(BufferedReader reader) throws IOException {
        SqliCharClass[] classes = new SqliCharClass[256];
        Map<String, Character> words = new HashMap<>(2048);
        Set<String> prints = new HashSet<>(16384);
        String section = "";
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                section = line;
                continue;
            }
            switch (section) {
                case "@charmap" -> {
                    int space = line.indexOf(' ');
                    String range = line.substring(0, space);
                    SqliCharClass cls = SqliCharClass.valueOf(line.substring(space + 1));
                    int dash = range.indexOf('-');
                    int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                    int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
                    Arrays.fill(classes, from, to + 1, cls);
                }
                case "@keywords" -> {
                    if (line.length() < 3 || line.charAt(1) != ' ') {
                        throw new IllegalStateException("bad keyword line in " + RESOURCE + ": " + line);
                    }
                    words.put(line.substring(2), line.charAt(0));
                }
                case "@fingerprints" -> prints.add(SqliParser.asciiUpper(line));
                default -> throw new IllegalStateException("data outside a section in " + RESOURCE + ": " + line);
            }
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == null) {
                throw new IllegalStateException("no character class for byte " + i + " in " + RESOURCE);
            }
        }
        return new SqliData(classes, Map.copyOf(words), Set.copyOf(prints));
    }
}
