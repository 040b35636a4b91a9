package dev.parapet.operators;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SecLang operators Parapet supports, by name ({@code rx}, {@code pmFromFile}, …). */
public final class OperatorRegistry {

    private static final Map<String, OperatorFactory> FACTORIES = index(
            entry("rx", Rx::create),
            entry("pm", Pm::create),
            entry("pmFromFile", PmFromFile::create),
            entry("pmf", PmFromFile::create),
            entry("beginsWith", BeginsWith::create),
            entry("endsWith", EndsWith::create),
            entry("contains", Contains::create),
            entry("containsWord", ContainsWord::create),
            entry("streq", StrEq::create),
            entry("strmatch", StrMatch::create),
            entry("within", Within::create),
            entry("eq", Eq::create),
            entry("ge", Ge::create),
            entry("gt", Gt::create),
            entry("le", Le::create),
            entry("lt", Lt::create),
            entry("ipMatch", IpMatch::create),
            entry("ipMatchFromFile", IpMatchFromFile::create),
            entry("ipMatchF", IpMatchFromFile::create),
            entry("validateByteRange", ValidateByteRange::create),
            entry("validateUrlEncoding", ValidateUrlEncoding::create),
            entry("validateUtf8Encoding", ValidateUtf8Encoding::create),
            entry("unconditionalMatch", UnconditionalMatch::create),
            entry("noMatch", NoMatch::create),
            entry("detectSQLi", DetectSqli::new),
            entry("detectXSS", DetectXss::new));

    private OperatorRegistry() {
    }

    /** The factory for {@code name} (without {@code @}, any case), or empty when the operator is unknown. */
    public static Optional<OperatorFactory> lookup(String name) {
        return Optional.ofNullable(FACTORIES.get(name.toLowerCase(Locale.ROOT)));
    }

    @SafeVarargs
    private static Map<String, OperatorFactory> index(Map.Entry<String, OperatorFactory>... entries) {
        Map<String, OperatorFactory> map = new HashMap<>();
        for (Map.Entry<String, OperatorFactory> e : entries) {
            if (map.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()) != null) {
                throw new IllegalStateException("duplicate operator " + e.getKey());
            }
        }
        return Map.copyOf(map);
    }
}
