package dev.parapet.crs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * go-ftw's log-marker method on one error log that a single client uses at a time: the lines between the last marker
 * line written for a stage's start marker request and the last one written for its end marker request.
 */
final class MarkedLog {
    static final String HEADER = "X-CRS-Test";

    private final Path file;
    private long position;
    private List<String> window = new ArrayList<>();

    MarkedLog(Path file) {
        this.file = file;
    }

    /**
     * Reads what was appended since the last call and looks for the marker line of {@code id} (the last line that
     * names the marker header, as go-ftw's backwards scan finds it). Returns false when it is not there (yet).
     *
     * @param start true for the start marker (the window begins after it), false for the end marker (it ends there)
     */
    boolean marker(String id, boolean start) {
        List<String> lines = readNew();
        int last = -1;
        String header = HEADER.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase(Locale.ROOT).contains(header)) {
                last = i;
            }
        }
        boolean found = last >= 0 && lines.get(last).contains(id);
        if (start) {
            window = new ArrayList<>(found ? lines.subList(last + 1, lines.size()) : List.of());
        } else if (found) {
            window.addAll(lines.subList(0, last));
        } else {
            window.addAll(lines);
        }
        return found;
    }

    /** The lines between the start and the end marker. */
    List<String> window() {
        return List.copyOf(window);
    }

    private List<String> readNew() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length <= position) {
                return List.of();
            }
            // Only whole lines: a line is appended in one write, but stop at the last newline to be safe.
            byte[] data = new byte[(int) (length - position)];
            raf.seek(position);
            raf.readFully(data);
            int end = data.length;
            while (end > 0 && data[end - 1] != '\n') {
                end--;
            }
            position += end;
            List<String> lines = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < end; i++) {
                if (data[i] == '\n') {
                    lines.add(new String(data, from, i - from, StandardCharsets.ISO_8859_1));
                    from = i + 1;
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
