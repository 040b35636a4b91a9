package dev.parapet.seclang;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads SecLang text into {@link Directive}s the way ModSecurity does: {@code #} comment lines, lines
 * continued with a trailing backslash, arguments separated by whitespace or enclosed in double quotes
 * (inside quotes {@code \"} becomes {@code "}, {@code \\} is kept and cannot escape the closing quote, and
 * every other backslash is kept, as ModSecurity v3 reads them), and {@code Include}
 * expanded in place, with globs and paths relative to the including file.
 *
 * <p>Rule files can also come from the classpath: {@link #readClasspath} reads a resource, and
 * {@code Include classpath:dev/parapet/rulesets/parapet.conf} includes one from any source. Inside a
 * classpath resource a relative {@code Include} names a resource next to it. A glob ({@code *}, {@code ?},
 * {@code [..]}) in the last segment loads every matching resource in name order, from directories and jars
 * on the class path. Classpath sources have no base directory, so their rules cannot name relative data
 * files ({@code @pmFromFile}); the compiler reports that as an error.
 */
public final class SecLangReader {

    private static final int MAX_INCLUDE_DEPTH = 32;

    /** The prefix that makes an {@code Include} path a classpath resource name. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final List<Directive> out = new ArrayList<>();
    private final ClassLoader classLoader;

    private SecLangReader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Where relative names in a source resolve: a file system directory, or a classpath directory
     * ({@code resourceDirectory} is {@code ""} or ends with {@code /}).
     */
    private record Origin(Path directory, String resourceDirectory) {
        static Origin files(Path directory) {
            return new Origin(directory, null);
        }

        static Origin classpath(String resourceDirectory) {
            return new Origin(null, resourceDirectory);
        }

        boolean onClasspath() {
            return resourceDirectory != null;
        }
    }

    /** Reads inline text; relative {@code Include}s and data files resolve from {@code baseDirectory}. */
    public static List<Directive> read(String sourceName, String text, Path baseDirectory) {
        SecLangReader reader = new SecLangReader(defaultClassLoader());
        reader.readText(sourceName, text, Origin.files(baseDirectory), 0);
        return reader.out;
    }

    /** Reads a file (and what it includes). */
    public static List<Directive> readFile(Path file) {
        SecLangReader reader = new SecLangReader(defaultClassLoader());
        reader.readPath(file, 0, "<api>", 0);
        return reader.out;
    }

    /**
     * Reads a classpath resource (and what it includes) with {@code classLoader}.
     *
     * @param resource a resource name such as {@code dev/parapet/rulesets/parapet.conf}, optionally prefixed
     *     with {@code classpath:}; a glob in the last segment reads every match in name order
     * @throws SecLangException when the resource does not exist or a glob matches nothing
     */
    public static List<Directive> readClasspath(String resource, ClassLoader classLoader) {
        SecLangReader reader = new SecLangReader(classLoader);
        reader.includeResource("<api>", 0, normalizeResource("<api>", 0, stripClasspathPrefix(resource)), 0, false);
        return reader.out;
    }

    /** The context class loader of the current thread, or the one that loaded this class. */
    public static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SecLangReader.class.getClassLoader();
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
        readText(file.toString(), text, Origin.files(dir), depth);
    }

    private void readText(String sourceName, String text, Origin origin, int depth) {
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
            handleLogicalLine(sourceName, startLine, logical.toString(), origin, depth);
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            handleLogicalLine(sourceName, startLine, logical.toString(), origin, depth);
        }
    }

    private void handleLogicalLine(String sourceName, int line, String text, Origin origin, int depth) {
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
            include(sourceName, line, args.get(0), origin, depth, name.equalsIgnoreCase("IncludeOptional"));
            return;
        }
        out.add(new Directive(name, args, sourceName, line, origin.directory()));
    }

    private void include(String sourceName, int line, String pattern, Origin origin, int depth, boolean optional) {
        if (pattern.startsWith(CLASSPATH_PREFIX)) {
            String resource = normalizeResource(sourceName, line, stripClasspathPrefix(pattern));
            includeResource(sourceName, line, resource, depth + 1, optional);
            return;
        }
        if (origin.onClasspath() && !isAbsoluteFileName(pattern)) {
            String resource = normalizeResource(sourceName, line, origin.resourceDirectory() + pattern);
            includeResource(sourceName, line, resource, depth + 1, optional);
            return;
        }
        Path baseDirectory = origin.directory();
        Path path;
        try {
            path = Path.of(pattern);
            if (!path.isAbsolute()) {
                if (baseDirectory == null) {
                    throw new SecLangException(sourceName, line, "relative Include '" + pattern
                            + "' in a source without a base directory");
                }
                path = baseDirectory.resolve(pattern);
            }
        } catch (java.nio.file.InvalidPathException e) {
            throw new SecLangException(sourceName, line, "invalid Include path '" + pattern + "': " + e.getReason(), e);
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
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SecLangException(sourceName, line, "invalid Include pattern " + fileName + ": "
                    + e.getDescription());
        }
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

    // ---- classpath sources ------------------------------------------------------------------------

    private static String stripClasspathPrefix(String name) {
        return name.startsWith(CLASSPATH_PREFIX) ? name.substring(CLASSPATH_PREFIX.length()) : name;
    }

    /** Removes leading slashes and resolves {@code .} and {@code ..} segments; names may not climb above the root. */
    static String normalizeResource(String sourceName, int line, String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new SecLangException(sourceName, line, "classpath resource '" + name
                            + "' climbs above the classpath root");
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new SecLangException(sourceName, line, "empty classpath resource name '" + name + "'");
        }
        return String.join("/", segments);
    }

    /** {@code /x} or {@code C:\x}; checked on the text, as a glob is no valid Windows path. */
    private static boolean isAbsoluteFileName(String name) {
        boolean drive = name.length() > 2 && Character.isLetter(name.charAt(0)) && name.charAt(1) == ':'
                && (name.charAt(2) == '\\' || name.charAt(2) == '/');
        return name.startsWith("/") || name.startsWith("\\") || drive;
    }

    private static boolean isGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    /** Reads one resource or every match of a glob; {@code depth} is the include depth of what is read. */
    private void includeResource(String sourceName, int line, String resource, int depth, boolean optional) {
        int slash = resource.lastIndexOf('/');
        String directory = slash < 0 ? "" : resource.substring(0, slash + 1);
        String fileName = resource.substring(slash + 1);
        if (isGlob(directory)) {
            throw new SecLangException(sourceName, line, "only the last segment of a classpath Include may be a glob: "
                    + resource);
        }
        if (!isGlob(fileName)) {
            URL url = classLoader.getResource(resource);
            if (url == null) {
                if (optional) {
                    return;
                }
                throw new SecLangException(sourceName, line, "classpath resource not found: " + resource);
            }
            readResource(resource, url, depth, sourceName, line);
            return;
        }
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + fileName);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SecLangException(sourceName, line, "invalid Include pattern " + fileName + ": "
                    + e.getDescription());
        }
        TreeMap<String, URL> matches = new TreeMap<>();
        for (URL dirUrl : directoryUrls(sourceName, line, directory)) {
            for (String name : listResourceDirectory(sourceName, line, dirUrl, directory)) {
                if (matcher.matches(Path.of(name))) {
                    // As with getResource, the first class path entry that has a name wins.
                    matches.putIfAbsent(name, classLoader.getResource(directory + name));
                }
            }
        }
        matches.values().removeIf(java.util.Objects::isNull);
        if (matches.isEmpty() && !optional) {
            throw new SecLangException(sourceName, line, "classpath Include pattern matches no resource: " + resource
                    + " (a glob lists directories and jars of the class path; a jar needs directory entries)");
        }
        for (var match : matches.entrySet()) {
            readResource(directory + match.getKey(), match.getValue(), depth, sourceName, line);
        }
    }

    private List<URL> directoryUrls(String sourceName, int line, String directory) {
        try {
            return java.util.Collections.list(classLoader.getResources(directory));
        } catch (IOException e) {
            throw new SecLangException(sourceName, line, "cannot look up classpath directory '" + directory + "': "
                    + e.getMessage(), e);
        }
    }

    /** The plain file names in one class path entry's directory: from a file system directory or a jar. */
    private static List<String> listResourceDirectory(String sourceName, int line, URL dirUrl, String directory) {
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(dirUrl.getProtocol())) {
                Path dir = Path.of(dirUrl.toURI());
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                    for (Path p : stream) {
                        if (Files.isRegularFile(p)) {
                            names.add(p.getFileName().toString());
                        }
                    }
                }
                return names;
            }
            URLConnection connection = dirUrl.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    String prefix = jar.getEntryName() == null ? "" : jar.getEntryName();
                    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                        prefix += "/";
                    }
                    Enumeration<JarEntry> entries = file.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            names.add(name.substring(prefix.length()));
                        }
                    }
                }
                return names;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new SecLangException(sourceName, line, "cannot list classpath directory '" + directory + "' in "
                    + dirUrl + ": " + e.getMessage(), e);
        }
        throw new SecLangException(sourceName, line, "cannot list classpath directory '" + directory + "' in " + dirUrl
                + " (" + dirUrl.getProtocol() + " URLs cannot be listed): name the files instead of using a glob");
    }

    private void readResource(String resource, URL url, int depth, String fromFile, int fromLine) {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new SecLangException(fromFile, fromLine, "Include nested deeper than " + MAX_INCLUDE_DEPTH
                    + " levels (include loop?) at classpath:" + resource);
        }
        String text;
        try {
            URLConnection connection = url.openConnection();
            // A cached jar connection would keep the jar open, and return stale bytes after it is replaced.
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new SecLangException(fromFile, fromLine, "cannot read classpath:" + resource + ": " + e.getMessage(), e);
        }
        int slash = resource.lastIndexOf('/');
        readText(CLASSPATH_PREFIX + resource, text, Origin.classpath(resource.substring(0, slash + 1)), depth);
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
