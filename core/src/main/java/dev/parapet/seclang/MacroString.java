package dev.parapet.seclang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A SecLang string that may contain macros such as {@code %{tx.anomaly_score}} or
 * {@code %{MATCHED_VAR}}. Parsed once at load time; expanded per transaction through a
 * {@link Resolver}. Collection names and keys are matched case-insensitively, as ModSecurity does.
 */
public final class MacroString {

    /** Looks up a macro's value at request time. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * Returns the value of {@code collection} (upper case, e.g. {@code TX}) and {@code key}
         * (as written, may be {@code null} for a scalar such as {@code MATCHED_VAR}), or {@code null}
         * when it has no value (the macro then expands to the empty string).
         */
        String resolve(String collection, String key);
    }

    /** One piece of the template: literal text or a reference. */
    private record Part(String literal, String collection, String key) {
    }

    private final String source;
    private final Part[] parts;

    private MacroString(String source, Part[] parts) {
        this.source = source;
        this.parts = parts;
    }

    /** Parses {@code text}; text without {@code %{} is kept as one literal. */
    public static MacroString parse(String text) {
        if (text.indexOf("%{") < 0) {
            return new MacroString(text, new Part[] {new Part(text, null, null)});
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            int start = text.indexOf("%{", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start + 2);
            if (end < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            if (!literal.isEmpty()) {
                parts.add(new Part(literal.toString(), null, null));
                literal.setLength(0);
            }
            String ref = text.substring(start + 2, end).trim();
            int dot = ref.indexOf('.');
            int colon = ref.indexOf(':');
            int sep = dot < 0 ? colon : (colon < 0 ? dot : Math.min(dot, colon));
            if (sep < 0) {
                parts.add(new Part(null, ref.toUpperCase(Locale.ROOT), null));
            } else {
                parts.add(new Part(null, ref.substring(0, sep).toUpperCase(Locale.ROOT), ref.substring(sep + 1)));
            }
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), null, null));
        }
        return new MacroString(text, parts.toArray(new Part[0]));
    }

    /** Whether the string holds at least one macro (if not, {@link #expand} always returns the source). */
    public boolean hasMacros() {
        return parts.length != 1 || parts[0].literal == null;
    }

    /** The text as written. */
    public String source() {
        return source;
    }

    /**
     * Expands every macro with {@code resolver}; a macro without a value becomes the empty string. Allocates only
     * the result: text without macros is returned as it is, a single reference as the resolver's value itself
     * (so {@code @within %{tx.restricted_headers_basic}} does not copy the list on every call), and templates of
     * up to six parts (CRS's longest log line, {@code Matched Data: %{TX.0} found within ...}, has six) are
     * concatenated with {@code +}, which compiles to {@code StringConcatFactory}: it sizes the result from its
     * parts and allocates it once. Longer templates are joined into a string of the exact length.
     */
    public String expand(Resolver resolver) {
        Part[] p = parts;
        return switch (p.length) {
            case 1 -> p[0].literal != null ? source : text(p[0], resolver);
            case 2 -> text(p[0], resolver) + text(p[1], resolver);
            case 3 -> text(p[0], resolver) + text(p[1], resolver) + text(p[2], resolver);
            case 4 -> text(p[0], resolver) + text(p[1], resolver) + text(p[2], resolver) + text(p[3], resolver);
            case 5 -> text(p[0], resolver) + text(p[1], resolver) + text(p[2], resolver) + text(p[3], resolver)
                    + text(p[4], resolver);
            case 6 -> text(p[0], resolver) + text(p[1], resolver) + text(p[2], resolver) + text(p[3], resolver)
                    + text(p[4], resolver) + text(p[5], resolver);
            default -> {
                String[] texts = new String[p.length];
                for (int i = 0; i < p.length; i++) {
                    texts[i] = text(p[i], resolver);
                }
                yield String.join("", texts);
            }
        };
    }

    /** The part's literal text or its reference's value ({@code ""} when there is none). */
    private static String text(Part part, Resolver resolver) {
        if (part.literal != null) {
            return part.literal;
        }
        String value = resolver.resolve(part.collection, part.key);
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return source;
    }
}
