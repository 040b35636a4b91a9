package dev.parapet.seclang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SecLang text into {@link Directive}s the way ModSecurity does: {@code #} comment lines, lines
 * continued with a trailing backslash, arguments separated by whitespace or enclosed in double quotes
 * (inside quotes {@code \"} becomes {@code "}, {@code \\} is kept and cannot escape the closing quote, and
 * every other backslash is kept, as ModSecurity v3 reads them), and {@code Include}
 * expanded in place, with globs and paths relative to the including file.
 */
public final class SecLangReader {

    private static final int MAX_INCLUDE_DEPTH = 32;

    private final List<Directive> out = new ArrayList<>();

    private SecLangReader() {
    }

    /** Reads inline text; relative {@code Include}s and data files resolve from {@code baseDirectory}. */
    public static List<Directive> read(String sourceName, String text, Path baseDirectory) {
        SecLangReader reader = new SecLangReader();
        reader.readText(sourceName, text, baseDirectory, 0);
        return reader.out;
    }

    /** Reads a file (and what it includes). */
    public static List<Directive> readFile(Path file) {
        SecLangReader reader = new SecLangReader();
        reader.readPath(file, 0, "<api>", 0);
        return reader.out;
    }

    private void readPath(Path file, int depth, String fromFile, int fromLine) {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new SecLangException(fromFile, fromLine, "Include nested deeper than " + MAX_INCLUDE_DEPTH
                    + " levels (include loop?) at " + file);
        }
        String text;
        try {
            // ISO-8859-1 keeps every byte of a rule file as one char, as ModSecurity reads bytes.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SecLangException(fromFile, fromLine, "cannot read " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        readText(file.toString(), text, dir, depth);
    }

    private void readText(String sourceName, String text, Path baseDirectory, int depth) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder logical = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (logical.isEmpty()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                startLine = i + 1;
            }
            if (line.endsWith("\\") && i + 1 < lines.length) {
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            handleLogicalLine(sourceName, startLine, logical.toString(), baseDirectory, depth);
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            handleLogicalLine(sourceName, startLine, logical.toString(), baseDirectory, depth);
        }
    }

    private void handleLogicalLine(String sourceName, int line, String text, Path baseDirectory, int depth) {
        List<String> tokens = tokenize(sourceName, line, text);
        if (tokens.isEmpty()) {
            return;
        }
        String name = tokens.get(0);
        List<String> args = tokens.subList(1, tokens.size());
        if (name.equalsIgnoreCase("Include") || name.equalsIgnoreCase("IncludeOptional")) {
            if (args.size() != 1) {
                throw new SecLangException(sourceName, line, name + " takes exactly one path, got " + args.size());
            }
            include(sourceName, line, args.get(0), baseDirectory, depth, name.equalsIgnoreCase("IncludeOptional"));
            return;
        }
        out.add(new Directive(name, args, sourceName, line, baseDirectory));
    }

    private void include(String sourceName, int line, String pattern, Path baseDirectory, int depth, boolean optional) {
        Path path = Path.of(pattern);
        if (!path.isAbsolute()) {
            if (baseDirectory == null) {
                throw new SecLangException(sourceName, line, "relative Include '" + pattern
                        + "' in a source without a base directory");
            }
            path = baseDirectory.resolve(pattern);
        }
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean glob = fileName.indexOf('*') >= 0 || fileName.indexOf('?') >= 0 || fileName.indexOf('[') >= 0;
        if (!glob) {
            if (!Files.isRegularFile(path)) {
                if (optional) {
                    return;
                }
                throw new SecLangException(sourceName, line, "Include file not found: " + path);
            }
            readPath(path, depth + 1, sourceName, line);
            return;
        }
        Path dir = path.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
        List<Path> matches = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path p : stream) {
                    if (matcher.matches(p.getFileName()) && Files.isRegularFile(p)) {
                        matches.add(p);
                    }
                }
            } catch (IOException e) {
                throw new SecLangException(sourceName, line, "cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (matches.isEmpty() && !optional) {
            throw new SecLangException(sourceName, line, "Include pattern matches no file: " + path);
        }
        matches.sort(null);
        for (Path p : matches) {
            readPath(p, depth + 1, sourceName, line);
        }
    }

    /** Splits a logical line into the directive name and its arguments. */
    static List<String> tokenize(String sourceName, int line, String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder token = new StringBuilder();
            if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
                        token.append('"');
                        i += 2;
                    } else if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '\\') {
                        // An escaped backslash is kept as written and cannot escape a closing quote.
                        token.append("\\\\");
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        token.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new SecLangException(sourceName, line, "unterminated double quote in: " + abbreviate(text));
                }
                if (i < n && !Character.isWhitespace(text.charAt(i))) {
                    throw new SecLangException(sourceName, line, "unexpected text after closing quote in: "
                            + abbreviate(text));
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
                        token.append('"');
                        i += 2;
                    } else {
                        token.append(d);
                        i++;
                    }
                }
            }
            tokens.add(token.toString());
        }
        return tokens;
    }

    static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }
}
