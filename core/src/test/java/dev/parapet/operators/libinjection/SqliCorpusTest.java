package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libinjection's sample corpora ({@code data/sqli-*.txt}, {@code data/false_positives.txt}), read
 * like libinjection's {@code reader.c}: lines right-trimmed, blank and {@code #} lines skipped,
 * then URL-decoded.
 */
class SqliCorpusTest {

    /**
     * libinjection's {@code test-samples-sqli-positive.sh} runs {@code reader -i -m 19} over all
     * {@code sqli-*.txt} files: at most 19 samples may be missed.
     */
    private static final int LIBINJECTION_MAX_MISSES = 19;

    /**
     * {@code false_positives.txt} collects inputs that were once misread as SQLi; libinjection
     * still flags some (quoted prose such as {@code "LIKE" STAMP} folds to {@code sos}), and its CI
     * runs {@code reader -t -m 22 false_positives.txt}: at most 22 may be flagged.
     */
    private static final int LIBINJECTION_MAX_FALSE_POSITIVES = 22;

    /** Inputs of a corpus file as libinjection's reader.c feeds them to the detector. */
    static List<String> samples(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : SqliTestSupport.byteLines(file)) {
            String trimmed = SqliVectorsTest.rtrim(line);
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            out.add(SqliTestSupport.urlDecode(trimmed));
        }
        return out;
    }

    @Test
    void sqliSamplesAreDetectedAtLibinjectionRate() throws IOException {
        Path data = SqliTestSupport.libinjectionDir().resolve("data");
        int total = 0;
        List<String> missed = new ArrayList<>();
        for (Path file : SqliTestSupport.files(data, "sqli-")) {
            for (String sample : samples(file)) {
                total++;
                if (SqliDetector.detect(sample) == null) {
                    missed.add(file.getFileName() + ": " + sample);
                }
            }
        }
        System.out.printf("libinjection sqli corpora: %d samples, %d detected, %d missed%n",
                total, total - missed.size(), missed.size());
        missed.forEach(m -> System.out.println("  missed " + m));
        assertTrue(total > 8000, "expected the full sqli corpora, got " + total + " samples");
        assertTrue(missed.size() <= LIBINJECTION_MAX_MISSES,
                missed.size() + " samples missed (libinjection allows " + LIBINJECTION_MAX_MISSES + "): " + missed);
    }

    @Test
    void libinjectionFalsePositivesStayWithinLibinjectionThreshold() throws IOException {
        Path file = SqliTestSupport.libinjectionDir().resolve("data").resolve("false_positives.txt");
        List<String> samples = samples(file);
        List<String> flagged = new ArrayList<>();
        for (String sample : samples) {
            String fingerprint = SqliDetector.detect(sample);
            if (fingerprint != null) {
                flagged.add(fingerprint + " <- " + sample);
            }
        }
        System.out.printf("libinjection false_positives.txt: %d samples, %d flagged%n", samples.size(), flagged.size());
        assertTrue(samples.size() > 100, "expected the full false-positive corpus");
        flagged.forEach(f -> System.out.println("  flagged " + f));
        assertTrue(flagged.size() <= LIBINJECTION_MAX_FALSE_POSITIVES,
                flagged.size() + " flagged (libinjection allows " + LIBINJECTION_MAX_FALSE_POSITIVES + "): " + flagged);
    }
}
