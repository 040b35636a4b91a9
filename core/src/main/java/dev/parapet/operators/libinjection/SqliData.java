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
import java.util.List;
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
    private final AsciiCaseInsensitiveTable keywordTable;
    /** Token type per {@link #keywordTable} key number. */
    private final char[] keywordTypes;
    private final PackedFingerprintSet fingerprintSet;
    private final boolean loneTokenCanBeListed;

    private SqliData(SqliCharClass[] charClasses, Map<String, Character> keywords, Set<String> fingerprints) {
        this.charClasses = charClasses;
        this.keywords = keywords;
        this.fingerprints = fingerprints;
        List<String> words = List.copyOf(keywords.keySet());
        this.keywordTable = AsciiCaseInsensitiveTable.of(words);
        this.keywordTypes = new char[words.size()];
        for (int i = 0; i < words.size(); i++) {
            keywordTypes[i] = keywords.get(words.get(i));
        }
        this.fingerprintSet = new PackedFingerprintSet(fingerprints);
        boolean listed = isFingerprint(String.valueOf(SqliParser.TYPE_BAREWORD))
                || isFingerprint(String.valueOf(SqliParser.TYPE_NUMBER));
        for (char type : keywordTypes) {
            listed |= isFingerprint(String.valueOf(type));
        }
        this.loneTokenCanBeListed = listed;
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
        return lookupWord(word, 0, word.length());
    }

    /** {@link #lookupWord(String)} of {@code s[from, from + length)}, read in place. */
    char lookupWord(String s, int from, int length) {
        int k = keywordTable.indexOf(s, from, length);
        return k == AsciiCaseInsensitiveTable.NOT_FOUND ? 0 : keywordTypes[k];
    }

    /** {@link #lookupWord(String)} of the phrase {@code first + ' ' + second}, without building it. */
    char lookupPhrase(String first, int firstFrom, int firstLength, String second, int secondFrom, int secondLength) {
        int k = keywordTable.indexOfPhrase(first, firstFrom, firstLength, second, secondFrom, secondLength);
        return k == AsciiCaseInsensitiveTable.NOT_FOUND ? 0 : keywordTypes[k];
    }

    /**
     * Whether the one-char fingerprint of a lone word or number (a number, a bare word or any
     * keyword's type) is in the list; it is not in libinjection's data, where only {@code X} has
     * one char.
     */
    boolean loneTokenCanBeListed() {
        return loneTokenCanBeListed;
    }

    /** Whether a fingerprint is in libinjection's list (compared upper-cased, as libinjection does). */
    boolean isFingerprint(String fingerprint) {
        long key = PackedFingerprintSet.EMPTY_KEY;
        for (int i = 0; i < fingerprint.length(); i++) {
            key = PackedFingerprintSet.extend(key, fingerprint.charAt(i));
        }
        return fingerprintSet.contains(key);
    }

    /** {@link #isFingerprint(String)} of a fingerprint packed by {@link PackedFingerprintSet#extend}. */
    boolean isFingerprint(long packedFingerprint) {
        return fingerprintSet.contains(packedFingerprint);
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

    /**
     * The fingerprint list as a set of longs: a fingerprint has at most five chars, all ASCII, so
     * it packs into one long (a leading 1 bit, then 8 bits per upper-cased char) and the per-call
     * check needs no string.
     */
    static final class PackedFingerprintSet {

        /** The packed empty string: a single 1 bit that marks where the chars start. */
        static final long EMPTY_KEY = 1;
        /** Never a packed fingerprint, and what packing too long a string or a char above 0xFF gives. */
        static final long UNLISTABLE = 0;
        /** Seven chars fill the 56 bits after the marker; a longer key could overflow. */
        private static final long FULL = 1L << 56;

        private final long[] slots;
        private final int mask;

        PackedFingerprintSet(Set<String> fingerprints) {
            int capacity = Integer.highestOneBit(Math.max(4, fingerprints.size() * 2 - 1)) << 1;
            slots = new long[capacity];
            mask = capacity - 1;
            for (String fingerprint : fingerprints) {
                long key = EMPTY_KEY;
                for (int i = 0; i < fingerprint.length(); i++) {
                    key = extend(key, fingerprint.charAt(i));
                }
                if (key == UNLISTABLE) {
                    throw new IllegalStateException("fingerprint cannot be packed: " + fingerprint);
                }
                int slot = slot(key);
                while (slots[slot] != 0 && slots[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = key;
            }
        }

        boolean contains(long key) {
            if (key == UNLISTABLE) {
                return false;
            }
            for (int slot = slot(key); ; slot = (slot + 1) & mask) {
                long entry = slots[slot];
                if (entry == key) {
                    return true;
                }
                if (entry == 0) {
                    return false;
                }
            }
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }

        /** The packed key of a string one char longer than {@code key}'s, the char upper-cased. */
        static long extend(long key, char c) {
            if (key == UNLISTABLE || key >= FULL || c > 0xFF) {
                return UNLISTABLE;
            }
            return key << 8 | AsciiCaseInsensitiveTable.upper(c);
        }
    }
}
