package dev.parapet.crs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The known-failures list: one {@code <rule_id>-<test_id> <reason>} per line (whitespace separated), '#' starts a
 * comment line, blank lines are ignored.
 */
final class KnownFailures {
    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    static KnownFailures parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = 0;
            while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
                space++;
            }
            reasons.put(line.substring(0, space), line.substring(space).strip());
        }
        return new KnownFailures(reasons);
    }

    static KnownFailures empty() {
        return new KnownFailures(Map.of());
    }

    Optional<String> reason(String testId) {
        return Optional.ofNullable(reasons.get(testId));
    }

    int size() {
        return reasons.size();
    }
}
