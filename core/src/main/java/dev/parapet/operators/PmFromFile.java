package dev.parapet.operators;

import dev.parapet.operators.internal.PmContent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @pmFromFile} / {@code @pmf}: like {@link Pm}, with phrases read one per line from the data files
 * named (whitespace-separated) in the argument, relative to the rule file. Each line is decoded with
 * {@link PmContent} and trimmed; empty lines and lines starting with {@code #} are skipped. A missing or
 * unreadable file is a {@link dev.parapet.seclang.SecLangException}.
 */
public final class PmFromFile {

    private PmFromFile() {
    }

    /** Factory for the registry; reads the files now. */
    public static Operator create(OperatorArgs args) {
        return Pm.ofPhrases(phrases(args));
    }

    /** The decoded phrases of all named files, in order. */
    static List<String> phrases(OperatorArgs args) {
        List<String> phrases = new ArrayList<>();
        List<String> files = DataFiles.names(args);
        for (String file : files) {
            for (String line : DataFiles.read(args, file)) {
                String decoded = PmContent.decode(line);
                String phrase = strip(decoded == null ? line : decoded);
                if (phrase.isEmpty() || phrase.charAt(0) == '#') {
                    continue;
                }
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && PmContent.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && PmContent.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
