package dev.parapet.engine.internal;

import dev.parapet.engine.RuleEngineMode;

/** ModSecurity-style error-log lines, so existing tooling (and go-ftw) can read Parapet's logs. */
public final class LogLines {

    private LogLines() {
    }

    /** One line for a matched rule, in the layout of ModSecurity v2's Apache error log. */
    public static String errorLine(CompiledRule rule, RuleEngineMode mode, boolean disruptive, String message,
            String data, String matchedName, String matchedValue, String hostname, String uri, String uniqueId) {
        StringBuilder b = new StringBuilder(256);
        if (disruptive && mode == RuleEngineMode.ON) {
            int status = rule.status == 0 ? 403 : rule.status;
            b.append("ModSecurity: Access denied with code ").append(status).append(" (phase ").append(rule.phase)
                    .append("). ");
        } else {
            b.append("ModSecurity: Warning. ");
        }
        b.append("Matched \"Operator `").append(rule.operatorName).append("' with parameter `");
        appendEscaped(b, abbreviate(rule.operatorArgument, 252));
        b.append("' against variable `");
        appendEscaped(b, matchedName == null ? "" : matchedName);
        b.append("' (Value: `");
        appendEscaped(b, abbreviate(matchedValue == null ? "" : matchedValue, 252));
        b.append("' ) ");
        field(b, "file", rule.file);
        field(b, "line", Integer.toString(rule.line));
        field(b, "id", Integer.toString(rule.id));
        if (!message.isEmpty()) {
            field(b, "msg", message);
        }
        if (!data.isEmpty()) {
            field(b, "data", data);
        }
        if (rule.severity != null) {
            field(b, "severity", rule.severity);
        }
        if (rule.version != null) {
            field(b, "ver", rule.version);
        }
        for (String tag : rule.tags) {
            field(b, "tag", tag);
        }
        field(b, "hostname", hostname == null ? "" : hostname);
        field(b, "uri", uri == null ? "" : uri);
        field(b, "unique_id", uniqueId);
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append('[').append(name).append(" \"");
        appendEscaped(b, value);
        b.append("\"] ");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** Escapes quotes, backslashes and non-printable bytes as ModSecurity's log escaping does. */
    public static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                b.append("\\x").append(Character.forDigit((c >> 4) & 0xf, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(c);
            }
        }
    }
}
