package dev.parapet.operators;

import dev.parapet.operators.internal.PmContent;
import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.List;

/** Reading the data files named by {@code @pmFromFile} and {@code @ipMatchFromFile}. */
final class DataFiles {

    private DataFiles() {
    }

    /** The whitespace-separated file names of the argument; at least one. */
    static List<String> names(OperatorArgs args) {
        List<String> names = new ArrayList<>();
        String text = args.argument();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && PmContent.isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !PmContent.isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                names.add(text.substring(start, i));
            }
        }
        if (names.isEmpty()) {
            throw new SecLangException("missing file name for operator '" + args.name() + "'");
        }
        return names;
    }

    /** The lines of {@code file}; any failure becomes a {@link SecLangException}. */
    static List<String> read(OperatorArgs args, String file) {
        try {
            List<String> lines = args.dataFiles().apply(file);
            if (lines == null) {
                throw new SecLangException("could not read data file \"" + file + "\"");
            }
            return lines;
        } catch (SecLangException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SecLangException("could not read data file \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
