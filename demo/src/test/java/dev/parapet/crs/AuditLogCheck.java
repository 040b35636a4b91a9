package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safere.Matcher;
import org.safere.Pattern;

/**
 * Checks that the JSON audit log is enough for a go-ftw-style runner: every rule id that an error line reports for a
 * transaction is in that transaction's JSON event, where go-ftw's {@code "id":N} pattern finds it too.
 */
final class AuditLogCheck {
    private static final Pattern ID = Pattern.compile("\\[id \"(\\d+)\"\\]");
    private static final Pattern UNIQUE_ID = Pattern.compile("\\[unique_id \"([^\"]+)\"\\]");
    /** go-ftw's pattern for ids in JSON logs. */
    private static final Pattern GO_FTW_JSON_ID = Pattern.compile("\"id\":\\s*\"?(\\d+)\"?");

    private AuditLogCheck() {
    }

    static void assertEventsCoverErrorLines(List<Path> errorLogs, List<Path> auditLogs) throws IOException {
        Map<String, Set<Integer>> fromErrors = new HashMap<>();
        for (Path log : errorLogs) {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                Matcher u = UNIQUE_ID.matcher(line);
                Matcher id = ID.matcher(line);
                if (u.find() && id.find()) {
                    fromErrors.computeIfAbsent(u.group(1), k -> new LinkedHashSet<>()).add(Integer.parseInt(id.group(1)));
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<Integer>> fromEvents = new HashMap<>();
        for (Path log : auditLogs) {
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                JsonNode event = json.readTree(line);
                Set<Integer> ids = new LinkedHashSet<>();
                Matcher m = GO_FTW_JSON_ID.matcher(line);
                while (m.find()) {
                    ids.add(Integer.parseInt(m.group(1)));
                }
                fromEvents.put(event.get("transaction_id").asText(), ids);
            }
        }
        assertTrue(fromErrors.size() > 1000, "too few logged transactions: " + fromErrors.size());
        List<String> missing = new ArrayList<>();
        fromErrors.forEach((tx, ids) -> {
            Set<Integer> inEvent = fromEvents.get(tx);
            if (inEvent == null || !inEvent.containsAll(ids)) {
                missing.add(tx + " " + ids + " vs " + inEvent);
            }
        });
        assertEquals(List.of(), missing.subList(0, Math.min(10, missing.size())),
                missing.size() + " transactions whose JSON event lacks ids of their error lines");
    }
}
