package dev.parapet.rulesets;

import dev.parapet.engine.Firewall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The rule configurations the JMH benchmarks compare; CRS comes from {@code parapet.shared.dir}. */
final class RulesetsBenchmarks {

    private RulesetsBenchmarks() {
    }

    /**
     * {@code parapet}: Rulesets.parapet(). {@code crs}: the engine profile with CRS 4.28.0 (companion, crs-setup,
     * rules). {@code parapet+crs}: both, as Rulesets.builder().crs(dir) loads them.
     */
    static Firewall.Builder configuration(String name) {
        return switch (name) {
            case "parapet" -> Rulesets.parapet();
            case "crs" -> Rulesets.builder().coreRules(false).crs(crsDirectory()).applyTo(Firewall.builder());
            case "parapet+crs" -> Rulesets.builder().crs(crsDirectory()).applyTo(Firewall.builder());
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Path crsDirectory() {
        Path dir = Path.of(System.getProperty("parapet.shared.dir", "../shared"), "crs-4.28.0");
        if (!Files.isDirectory(dir.resolve("rules"))) {
            throw new IllegalStateException("CRS 4.28.0 not found at " + dir.toAbsolutePath()
                    + " (set -Dparapet.shared.dir)");
        }
        return dir;
    }

    /** Benign requests from the corpus and one SQL injection, by name. */
    static CorpusRequest request(String kind) {
        List<CorpusRequest> corpus = CorpusRequest.load("/corpus/benign-requests.yaml");
        String name = switch (kind) {
            case "get" -> "home page with browser headers and cookies";
            case "search" -> "search with quoted phrase and boolean words";
            case "form" -> "contact form with a long message";
            case "json" -> "JSON order";
            case "upload" -> "CSV import";
            case "attack" -> null;
            default -> throw new IllegalArgumentException(kind);
        };
        if (name == null) {
            return CorpusRequest.of("GET", "/items?id=1%27+or+%271%27%3D%271&sort=name", Map.of(), null);
        }
        return corpus.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no corpus request named " + name));
    }
}
