package dev.parapet.demo;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the demo server runs: from command-line options, falling back to {@code PARAPET_*} environment variables.
 *
 * @param host the address to listen on
 * @param port the port (0: any free port)
 * @param crs a CRS directory ({@code crs-setup.conf(.example)} and {@code rules/*.conf}), or {@code null}
 * @param rules rule files that replace the default rules, or empty
 * @param seclang extra SecLang files loaded before the rules (setup, markers)
 * @param seclangAfter extra SecLang files loaded after the rules (exclusions)
 * @param detectionOnly whether to log without blocking
 * @param auditLog the JSON audit log file, or {@code null} for the console
 * @param errorLog the ModSecurity-style error log file, or {@code null} (then the audit log file, if any)
 * @param idleTimeoutMillis how long an idle connection is kept
 * @param help whether usage was asked for
 */
public record DemoOptions(String host, int port, Path crs, List<Path> rules, List<Path> seclang,
        List<Path> seclangAfter, boolean detectionOnly, Path auditLog, Path errorLog, long idleTimeoutMillis,
        boolean help) {

    public DemoOptions {
        Objects.requireNonNull(host, "host");
        rules = List.copyOf(rules);
        seclang = List.copyOf(seclang);
        seclangAfter = List.copyOf(seclangAfter);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
    }

    /** The defaults: 127.0.0.1:8080, Parapet's bundled rules, blocking, audit log on the console. */
    public static DemoOptions defaults() {
        return new DemoOptions("127.0.0.1", 8080, null, List.of(), List.of(), List.of(), false, null, null, 30_000,
                false);
    }

    /** This configuration with another port (0 for any free one). */
    public DemoOptions withPort(int newPort) {
        return new DemoOptions(host, newPort, crs, rules, seclang, seclangAfter, detectionOnly, auditLog, errorLog,
                idleTimeoutMillis, help);
    }

    static final String USAGE = """
            Usage: ./demo.sh [options]      (or: java -jar demo/target/parapet-demo.jar [options])

            A small web application (/, /get, /post, /upload, /reflect) protected by the Parapet servlet filter.

            Options (environment variable in brackets):
              --host ADDR            listen address, default 127.0.0.1               [PARAPET_HOST]
              --port N               listen port, default 8080 (0: any free port)    [PARAPET_PORT]
              --crs DIR              run OWASP CRS from DIR (crs-setup.conf and rules/*.conf),
                                     e.g. ../shared/crs-4.28.0                        [PARAPET_CRS]
              --rules FILE           rule file to load instead of Parapet's bundled rules and
                                     engine settings; repeatable                      [PARAPET_RULES]
              --seclang FILE         extra SecLang loaded before the rules (setup, log
                                     markers); repeatable                             [PARAPET_SECLANG]
              --seclang-after FILE   extra SecLang loaded after the rules (exclusions
                                     such as SecRuleRemoveById); repeatable           [PARAPET_SECLANG_AFTER]
              --detection-only       log what would be blocked, block nothing         [PARAPET_DETECTION_ONLY=true]
              --audit-log FILE       JSON audit events (one per line) to FILE instead
                                     of the console                                   [PARAPET_AUDIT_LOG]
              --error-log FILE       ModSecurity-style error lines to FILE (default:
                                     the audit log file)                              [PARAPET_ERROR_LOG]
              --idle-timeout MS      idle connection timeout, default 30000           [PARAPET_IDLE_TIMEOUT]
              --help                 this text

            Lists in environment variables are separated by '%s'.
            """.formatted(File.pathSeparator);

    /**
     * Reads options; a command-line option wins over its environment variable.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    public static DemoOptions parse(String[] args, Map<String, String> env) {
        DemoOptions d = defaults();
        String host = env.getOrDefault("PARAPET_HOST", d.host());
        int port = env.containsKey("PARAPET_PORT") ? integer("PARAPET_PORT", env.get("PARAPET_PORT")) : d.port();
        Path crs = path(env.get("PARAPET_CRS"));
        List<Path> rules = paths(env.get("PARAPET_RULES"));
        List<Path> seclang = paths(env.get("PARAPET_SECLANG"));
        List<Path> seclangAfter = paths(env.get("PARAPET_SECLANG_AFTER"));
        boolean detectionOnly = bool(env.get("PARAPET_DETECTION_ONLY"));
        Path auditLog = path(env.get("PARAPET_AUDIT_LOG"));
        Path errorLog = path(env.get("PARAPET_ERROR_LOG"));
        long idle = env.containsKey("PARAPET_IDLE_TIMEOUT")
                ? integer("PARAPET_IDLE_TIMEOUT", env.get("PARAPET_IDLE_TIMEOUT")) : d.idleTimeoutMillis();
        boolean help = false;
        boolean cliRules = false;
        boolean cliSeclang = false;
        boolean cliSeclangAfter = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--detection-only" -> detectionOnly = value == null || bool(value);
                case "--host", "--port", "--crs", "--rules", "--seclang", "--seclang-after", "--audit-log",
                     "--error-log", "--idle-timeout" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--host" -> host = value;
                        case "--port" -> port = integer(arg, value);
                        case "--crs" -> crs = Path.of(value);
                        case "--rules" -> {
                            rules = cliRules ? rules : new ArrayList<>();
                            cliRules = true;
                            rules.add(Path.of(value));
                        }
                        case "--seclang" -> {
                            seclang = cliSeclang ? seclang : new ArrayList<>();
                            cliSeclang = true;
                            seclang.add(Path.of(value));
                        }
                        case "--seclang-after" -> {
                            seclangAfter = cliSeclangAfter ? seclangAfter : new ArrayList<>();
                            cliSeclangAfter = true;
                            seclangAfter.add(Path.of(value));
                        }
                        case "--audit-log" -> auditLog = Path.of(value);
                        case "--error-log" -> errorLog = Path.of(value);
                        case "--idle-timeout" -> idle = integer(arg, value);
                        default -> throw new IllegalStateException(arg);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new DemoOptions(host, port, crs, rules, seclang, seclangAfter, detectionOnly, auditLog, errorLog,
                idle, help);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, got '" + value + "'");
        }
    }

    private static boolean bool(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "", "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + value + "'");
        };
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    private static List<Path> paths(String value) {
        List<Path> out = new ArrayList<>();
        if (value != null) {
            int start = 0;
            while (start <= value.length()) {
                int end = value.indexOf(File.pathSeparatorChar, start);
                String p = value.substring(start, end < 0 ? value.length() : end);
                if (!p.isBlank()) {
                    out.add(Path.of(p.strip()));
                }
                if (end < 0) {
                    break;
                }
                start = end + 1;
            }
        }
        return out;
    }
}
