package dev.parapet.operators.libinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hand-written corpus of everyday inputs that must not be flagged as SQL injection. */
class SqliBenignCorpusTest {

    @Test
    void benignInputsAreNotDetected() throws IOException {
        List<String> inputs = new ArrayList<>();
        try (InputStream in = SqliBenignCorpusTest.class.getResourceAsStream("sqli-benign.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    // the engine sees UTF-8 bytes, one per char
                    inputs.add(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                }
            }
        }
        List<String> flagged = new ArrayList<>();
        for (String input : inputs) {
            String fingerprint = SqliDetector.detect(input);
            if (fingerprint != null) {
                flagged.add(fingerprint + " <- " + input);
            }
        }
        assertTrue(inputs.size() >= 100, "benign corpus too small: " + inputs.size());
        assertEquals(List.of(), flagged);
    }
}
