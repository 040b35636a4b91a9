package dev.parapet.spring.internal;

import dev.parapet.ratelimit.RateKey;
import java.util.List;
import java.util.Locale;

/** Parses the rate-key names of {@code parapet.rate-limit.*.key}. */
public final class RateKeys {

    private static final List<String> SIMPLE =
            List.of("client-ip", "peer-ip", "path", "method", "query-string", "principal", "constant");
    private static final List<String> NAMED = List.of("header:", "cookie:", "query-arg:");

    private RateKeys() {
    }

    /** Why {@code key} is not a valid rate-key name, or {@code null} when it is. */
    public static String problem(String key) {
        if (key == null || key.isBlank()) {
            return "must not be blank";
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (SIMPLE.contains(k)) {
            return null;
        }
        for (String prefix : NAMED) {
            if (k.startsWith(prefix)) {
                return k.length() > prefix.length() ? null : "needs a name after '" + prefix + "'";
            }
        }
        return "unknown rate key '" + key + "'; use one of " + SIMPLE + " or header:NAME, cookie:NAME, query-arg:NAME";
    }

    /** The key for a list of names (client IP when empty); the names must be valid. */
    public static RateKey parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            return RateKey.clientIp();
        }
        RateKey[] parts = names.stream().map(RateKeys::one).toArray(RateKey[]::new);
        return parts.length == 1 ? parts[0] : RateKey.of(parts);
    }

    private static RateKey one(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String k = name.strip();
        String lower = k.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "client-ip" -> RateKey.clientIp();
            case "peer-ip" -> RateKey.peerIp();
            case "path" -> RateKey.path();
            case "method" -> RateKey.method();
            case "query-string" -> RateKey.queryString();
            case "principal" -> RateKey.principal();
            case "constant" -> RateKey.constant();
            default -> {
                String arg = k.substring(k.indexOf(':') + 1);
                if (lower.startsWith("header:")) {
                    yield RateKey.header(arg);
                } else if (lower.startsWith("cookie:")) {
                    yield RateKey.cookie(arg);
                }
                yield RateKey.queryArgument(arg);
            }
        };
    }
}
