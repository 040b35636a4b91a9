package dev.parapet.audit.internal;

import dev.parapet.audit.AuditEvent;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.internal.LogLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides which values are secrets (credentials, session cookies) and hides them from the audit log. */
public final class Masking {

    /** What a masked value is replaced with. */
    public static final String MASK = "***";

    private final Set<String> headers;
    private final Set<String> arguments;

    /** @param headers lowercase header names; @param arguments lowercase argument names */
    public Masking(Set<String> headers, Set<String> arguments) {
        this.headers = Set.copyOf(headers);
        this.arguments = Set.copyOf(arguments);
    }

    /** Whether a matched variable such as {@code REQUEST_HEADERS:Cookie} or {@code REQUEST_COOKIES:sid} is secret. */
    public boolean isSensitive(String matchedVariable) {
        if (matchedVariable == null) {
            return false;
        }
        int colon = matchedVariable.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String collection = matchedVariable.substring(0, colon);
        String key = matchedVariable.substring(colon + 1).toLowerCase(Locale.ROOT);
        return switch (collection) {
            case "REQUEST_HEADERS", "RESPONSE_HEADERS" -> headers.contains(key);
            case "REQUEST_COOKIES" -> headers.contains("cookie");
            case "ARGS", "ARGS_GET", "ARGS_POST" -> arguments.contains(key);
            default -> false;
        };
    }

    /** The request with the values of sensitive headers masked. */
    public AuditEvent.Request request(AuditEvent.Request r) {
        List<AuditEvent.Header> masked = new ArrayList<>(r.headers().size());
        for (AuditEvent.Header h : r.headers()) {
            boolean secret = headers.contains(h.name().toLowerCase(Locale.ROOT));
            masked.add(secret ? new AuditEvent.Header(h.name(), MASK) : h);
        }
        return new AuditEvent.Request(r.clientAddress(), r.clientPort(), r.serverAddress(), r.serverPort(),
                r.method(), r.uri(), r.protocol(), masked);
    }

    /**
     * The rule's error line, with the matched value and the log data masked when the matched variable is secret.
     * The line's layout is {@link LogLines#errorLine}'s, so the escaped value and data are found verbatim.
     */
    public String errorLine(MatchedRule m) {
        String line = m.errorLogLine();
        if (!isSensitive(m.matchedVariable())) {
            return line;
        }
        String value = m.matchedValue();
        if (value.length() > 252) {
            value = value.substring(0, 252) + "...";
        }
        line = replaceOnce(line, "(Value: `" + escaped(value) + "' )", "(Value: `" + MASK + "' )");
        if (!m.data().isEmpty()) {
            line = replaceOnce(line, "[data \"" + escaped(m.data()) + "\"]", "[data \"" + MASK + "\"]");
        }
        return line;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        LogLines.appendEscaped(b, s);
        return b.toString();
    }

    private static String replaceOnce(String s, String target, String replacement) {
        int at = s.indexOf(target);
        return at < 0 ? s : s.substring(0, at) + replacement + s.substring(at + target.length());
    }
}
