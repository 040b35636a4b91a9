package dev.parapet.crs;

import java.util.Optional;

/**
 * The tiny subset of Go {@code text/template} + sprig that CRS test data uses: actions of the form
 * {@code {{ "text" | repeat N }}} or {@code {{ repeat N "text" }}}. go-ftw runs every {@code data} value through
 * the template engine; when parsing or execution fails it sends no body at all, which {@link #render} mirrors by
 * returning empty.
 */
final class GoTemplate {
    /** Bound on the rendered size so that a hostile test file cannot exhaust memory. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private GoTemplate() {}

    /** The rendered text, or empty when the template uses anything outside the supported subset. */
    static Optional<String> render(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int pos = 0;
        while (pos < template.length()) {
            int open = template.indexOf("{{", pos);
            if (open < 0) {
                out.append(template, pos, template.length());
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                return Optional.empty(); // unclosed action: Go reports a parse error
            }
            out.append(template, pos, open);
            Optional<String> value = evaluate(template.substring(open + 2, close).trim());
            if (value.isEmpty() || out.length() + value.get().length() > MAX_OUTPUT) {
                return Optional.empty();
            }
            out.append(value.get());
            pos = close + 2;
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> evaluate(String action) {
        // Pipeline form: "text" | repeat N
        int bar = action.indexOf('|');
        if (bar >= 0) {
            Optional<String> text = stringLiteral(action.substring(0, bar).trim());
            String[] call = action.substring(bar + 1).trim().split("\\s+");
            if (text.isPresent() && call.length == 2 && call[0].equals("repeat")) {
                return repeat(text.get(), call[1]);
            }
            return Optional.empty();
        }
        // Call form: repeat N "text"
        if (action.startsWith("repeat ")) {
            String rest = action.substring("repeat ".length()).trim();
            int space = rest.indexOf(' ');
            if (space > 0) {
                Optional<String> text = stringLiteral(rest.substring(space + 1).trim());
                if (text.isPresent()) {
                    return repeat(text.get(), rest.substring(0, space));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> repeat(String text, String count) {
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (n < 0 || (long) n * text.length() > MAX_OUTPUT) {
            return Optional.empty();
        }
        return Optional.of(text.repeat(n));
    }

    /** A Go double-quoted string literal with the common escapes, or empty if it is not one. */
    private static Optional<String> stringLiteral(String token) {
        if (token.length() < 2 || token.charAt(0) != '"' || token.charAt(token.length() - 1) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c == '"') {
                return Optional.empty();
            }
            if (c == '\\') {
                if (i + 1 >= token.length() - 1) {
                    return Optional.empty();
                }
                char e = token.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\\', '"' -> out.append(e);
                    default -> {
                        return Optional.empty();
                    }
                }
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }
}
