package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Classpath sources: {@code readClasspath}, {@code Include classpath:}, relative includes and globs in jars. */
class SecLangReaderClasspathTest {

    private static final String BASE = "dev/parapet/seclang/classpath/";
    private static final ClassLoader LOADER = SecLangReaderClasspathTest.class.getClassLoader();

    private static List<Integer> ids(List<Directive> directives) {
        return directives.stream()
                .map(d -> d.arguments().get(d.arguments().size() - 1))
                .map(a -> Integer.parseInt(a.replaceAll("^id:(\\d+),.*", "$1")))
                .toList();
    }

    @Test
    void readsResourceWithRelativeGlobAndParentIncludesInOrder() {
        List<Directive> directives = SecLangReader.readClasspath(BASE + "main.conf", LOADER);
        assertEquals(List.of(1, 10, 20, 30), ids(directives));
        assertEquals("classpath:" + BASE + "main.conf", directives.get(0).file());
        assertEquals("classpath:" + BASE + "rules/10-first.conf", directives.get(1).file());
        assertEquals("classpath:" + BASE + "other/single.conf", directives.get(3).file());
        assertEquals(1, directives.get(3).line());
        assertNull(directives.get(0).baseDirectory(), "classpath sources have no file system directory");
    }

    @Test
    void acceptsPrefixAndLeadingSlash() {
        assertEquals(List.of(30), ids(SecLangReader.readClasspath("classpath:/" + BASE + "other/single.conf", LOADER)));
    }

    @Test
    void includeClasspathFromInlineText() {
        String text = "Include classpath:" + BASE + "rules/*.conf\nSecAction \"id:99,phase:1,pass,nolog\"\n";
        assertEquals(List.of(10, 20, 99), ids(SecLangReader.read("inline", text, Path.of("."))));
    }

    @Test
    void firewallBuilderLoadsClasspathRules() {
        Firewall firewall = Firewall.builder().classpath(BASE + "main.conf", LOADER).build();
        assertEquals(List.of(1, 10, 20, 30), firewall.ruleIds());
        Firewall defaultLoader = Firewall.builder().classpath(BASE + "rules/1*.conf").build();
        assertEquals(List.of(10), defaultLoader.ruleIds());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(BASE + "missing.conf", "classpath resource not found: " + BASE + "missing.conf"),
                Arguments.of(BASE + "rules/*.none", "matches no resource"),
                Arguments.of(BASE + "../../../../../../x.conf", "climbs above the classpath root"),
                Arguments.of(BASE + "*/x.conf", "only the last segment"),
                Arguments.of(BASE + "other/loop.conf", "nested deeper than"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void reportsClearErrors(String resource, String expected) {
        SecLangException e = assertThrows(SecLangException.class, () -> SecLangReader.readClasspath(resource, LOADER));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void relativeDataFileInClasspathRuleIsAnError() {
        SecLangException e = assertThrows(SecLangException.class,
                () -> Firewall.builder().classpath(BASE + "other/datafile.conf", LOADER).build());
        assertTrue(e.getMessage().contains("classpath:" + BASE + "other/datafile.conf:1"), e.getMessage());
        assertTrue(e.getMessage().contains("no directory"), e.getMessage());
    }

    @Test
    void globsAndRelativeIncludesWorkInsideJars(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("rules.jar");
        writeJar(jar, Map.of(
                "com/example/waf/main.conf", "Include parts/*.conf\n",
                "com/example/waf/parts/b.conf", "SecAction \"id:2,phase:1,pass,nolog\"\n",
                "com/example/waf/parts/a.conf", "SecAction \"id:1,phase:1,pass,nolog\"\n",
                "com/example/waf/parts/deeper/c.conf", "SecAction \"id:3,phase:1,pass,nolog\"\n",
                "com/example/waf/parts/notes.txt", "not a rule file\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Directive> directives = SecLangReader.readClasspath("com/example/waf/main.conf", loader);
            assertEquals(List.of(1, 2), ids(directives));
            assertEquals("classpath:com/example/waf/parts/a.conf", directives.get(0).file());
            assertEquals(List.of(1, 2), Firewall.builder().classpath("com/example/waf/parts/*.conf", loader)
                    .build().ruleIds());
        }
    }

    @Test
    void absoluteIncludeInsideAClasspathFileReadsTheFileSystem(@TempDir Path dir) throws IOException {
        Path local = dir.resolve("local.conf");
        Files.writeString(local, "SecAction \"id:7,phase:1,pass,nolog\"\n");
        Path jar = dir.resolve("rules.jar");
        writeJar(jar, Map.of("waf/main.conf", "Include " + local.toAbsolutePath().toString().replace('\\', '/') + "\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<Directive> directives = SecLangReader.readClasspath("waf/main.conf", loader);
            assertEquals(List.of(7), ids(directives));
            assertEquals(dir.toAbsolutePath(), directives.get(0).baseDirectory());
        }
    }

    @Test
    void globMergesDirectoriesFromSeveralClassPathEntries(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second");
        writeJar(first, Map.of("shared/rules/a.conf", "SecAction \"id:1,phase:1,pass,nolog\"\n",
                "shared/rules/c.conf", "SecAction \"id:3,phase:1,pass,nolog\"\n"));
        Files.createDirectories(second.resolve("shared/rules"));
        Files.writeString(second.resolve("shared/rules/b.conf"), "SecAction \"id:2,phase:1,pass,nolog\"\n");
        // The same name in a later entry is shadowed, as getResource would.
        Files.writeString(second.resolve("shared/rules/a.conf"), "SecAction \"id:9,phase:1,pass,nolog\"\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()},
                null)) {
            assertEquals(List.of(1, 2, 3), ids(SecLangReader.readClasspath("shared/rules/*.conf", loader)));
        }
    }

    /** A jar laid out as Maven's jar plugin writes one: directory entries before the files in them. */
    private static void writeJar(Path jar, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            java.util.Set<String> directories = new java.util.TreeSet<>();
            for (String name : entries.keySet()) {
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    directories.add(name.substring(0, i + 1));
                }
            }
            for (String directory : directories) {
                zip.putNextEntry(new JarEntry(directory));
                zip.closeEntry();
            }
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new JarEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
    }
}
