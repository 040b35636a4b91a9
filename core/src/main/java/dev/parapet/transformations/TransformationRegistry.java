package dev.parapet.transformations;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks up ModSecurity transformations by their SecLang name ({@code t:name}), case-insensitively,
 * including ModSecurity's spelling aliases ({@code normalisePath}/{@code normalizePath},
 * {@code normalisePathWin}/{@code normalizePathWin}).
 *
 * <p>{@code none} is deliberately not a transformation: in SecLang {@code t:none} resets the list of
 * transformations accumulated so far (e.g. from {@code SecDefaultAction}), which the rule engine must
 * handle itself. {@code lookup("none")} therefore returns empty, like any unknown name.
 */
public final class TransformationRegistry {

    /** Lowercased name or alias to the (stateless, shared) transformation. */
    private static final Map<String, Transformation> BY_NAME = Stream.of(
                    entry(new Base64Decode()),
                    entry(new Base64DecodeExt()),
                    entry(new Base64Encode()),
                    entry(new CmdLine()),
                    entry(new CompressWhitespace()),
                    entry(new CssDecode()),
                    entry(new EscapeSeqDecode()),
                    entry(new HexDecode()),
                    entry(new HexEncode()),
                    entry(new HtmlEntityDecode()),
                    entry(new JsDecode()),
                    entry(new Length()),
                    entry(new Lowercase()),
                    entry(new Md5()),
                    entry(new NormalizePath()),
                    alias("normalisePath", new NormalizePath()),
                    entry(new NormalizePathWin()),
                    alias("normalisePathWin", new NormalizePathWin()),
                    entry(new ParityEven7bit()),
                    entry(new ParityOdd7bit()),
                    entry(new ParityZero7bit()),
                    entry(new RemoveComments()),
                    entry(new RemoveCommentsChar()),
                    entry(new RemoveNulls()),
                    entry(new RemoveWhitespace()),
                    entry(new ReplaceComments()),
                    entry(new ReplaceNulls()),
                    entry(new Sha1()),
                    entry(new SqlHexDecode()),
                    entry(new Trim()),
                    entry(new TrimLeft()),
                    entry(new TrimRight()),
                    entry(new Uppercase()),
                    entry(new UrlDecode()),
                    entry(new UrlDecodeUni()),
                    entry(new UrlEncode()),
                    entry(new Utf8ToUnicode()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private TransformationRegistry() {
    }

    /**
     * Returns the transformation called {@code name} (case-insensitive, aliases included), or empty
     * for unknown names and for {@code none}, which the engine treats as "reset the list".
     */
    public static Optional<Transformation> lookup(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map.Entry<String, Transformation> entry(Transformation t) {
        return alias(t.name(), t);
    }

    private static Map.Entry<String, Transformation> alias(String name, Transformation t) {
        return Map.entry(name.toLowerCase(Locale.ROOT), t);
    }
}
