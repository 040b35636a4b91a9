package dev.parapet.crs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parapet.crs.FtwModel.FtwFile;
import dev.parapet.crs.FtwModel.FtwInput;
import dev.parapet.crs.FtwModel.FtwOutput;
import dev.parapet.crs.FtwModel.FtwStage;
import dev.parapet.crs.FtwModel.FtwTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads go-ftw YAML test files into {@link FtwModel} records, applying go-ftw's post-load rules. */
final class FtwLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** All {@code *.yaml} / {@code *.yml} files under {@code testsDir}, sorted by path. */
    List<FtwFile> loadAll(Path testsDir) {
        try (Stream<Path> files = Files.walk(testsDir)) {
            List<Path> paths = files
                    .filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            List<FtwFile> result = new ArrayList<>(paths.size());
            for (Path path : paths) {
                result.add(load(path));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FtwFile load(Path path) {
        try {
            return parse(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Parses one file's text; an empty document (all commented out) yields a file without tests. */
    FtwFile parse(Path path, String text) throws IOException {
        JsonNode root = yaml.readTree(text);
        String ruleFile = path.getParent() == null ? "" : path.getParent().getFileName().toString();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new FtwFile(path, ruleFile, ruleIdFromFileName(path), List.of());
        }
        int ruleId = root.path("rule_id").asInt(0);
        if (ruleId <= 0) {
            ruleId = ruleIdFromFileName(path); // go-ftw's fallback: first digit run of the file name
        }
        List<FtwTest> tests = new ArrayList<>();
        int position = 0;
        for (JsonNode test : root.path("tests")) {
            position++;
            int testId = test.path("test_id").asInt(0);
            if (testId <= 0) {
                testId = position; // go-ftw infers the id from the position when absent
            }
            List<FtwStage> stages = new ArrayList<>();
            for (JsonNode stage : test.path("stages")) {
                // Legacy files wrap input/output in a "stage" object.
                JsonNode s = stage.has("stage") ? stage.get("stage") : stage;
                stages.add(new FtwStage(input(s.path("input")), output(s.path("output"))));
            }
            tests.add(new FtwTest(ruleId, testId, text(test, "desc"), List.copyOf(stages)));
        }
        return new FtwFile(path, ruleFile, ruleId, List.copyOf(tests));
    }

    static int ruleIdFromFileName(Path path) {
        String name = path.getFileName().toString();
        int start = 0;
        while (start < name.length() && !Character.isDigit(name.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < name.length() && Character.isDigit(name.charAt(end)) && end - start < 9) {
            end++;
        }
        return end > start ? Integer.parseInt(name.substring(start, end)) : 0;
    }

    private static FtwInput input(JsonNode in) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : in.path("headers").properties()) {
            headers.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        }
        Boolean autocomplete = bool(in, "autocomplete_headers");
        Boolean stopMagic = bool(in, "stop_magic");
        // go-ftw: autocomplete_headers wins; else the inverse of the deprecated stop_magic; default true.
        boolean effectiveAutocomplete = autocomplete != null ? autocomplete : stopMagic == null || !stopMagic;
        return new FtwInput(
                text(in, "dest_addr"),
                in.hasNonNull("port") ? in.get("port").asInt() : null,
                text(in, "protocol"),
                text(in, "method"),
                text(in, "uri"),
                text(in, "version"),
                headers,
                data(in.get("data")),
                text(in, "encoded_data"),
                text(in, "encoded_request"),
                text(in, "raw_request"),
                effectiveAutocomplete,
                Boolean.TRUE.equals(bool(in, "save_cookie")));
    }

    /** {@code data} is a string; very old files used a list of lines, which ftw joined with CRLF. */
    private static String data(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(n -> lines.add(n.asText()));
            return String.join("\r\n", lines);
        }
        return node.asText();
    }

    private static FtwOutput output(JsonNode out) {
        JsonNode log = out.path("log");
        return new FtwOutput(
                ints(out.get("status")),
                ints(log.has("expect_ids") ? log.get("expect_ids") : log.get("expect_id")),
                ints(log.has("no_expect_ids") ? log.get("no_expect_ids") : log.get("no_expect_id")),
                text(log, "match_regex"),
                text(log, "no_match_regex"),
                text(out, "log_contains"),
                text(out, "no_log_contains"),
                text(out, "response_contains"),
                Boolean.TRUE.equals(bool(out, "expect_error")),
                Boolean.TRUE.equals(bool(out, "retry_once")),
                Boolean.TRUE.equals(bool(out, "isolated")));
    }

    /** A number or a list of numbers (older files allowed {@code status: [200, 403]}). */
    private static List<Integer> ints(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        List<Integer> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asInt()));
        } else {
            values.add(node.asInt());
        }
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }
}
