package dev.parapet.bodyprocessors;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds a request body processor by its SecLang name ({@code ctl:requestBodyProcessor=NAME}). */
public final class BodyProcessorRegistry {

    private static final Map<String, BodyProcessor> PROCESSORS = Map.of(
            "URLENCODED", new UrlEncodedBodyProcessor(),
            "MULTIPART", new MultipartBodyProcessor(),
            "JSON", new JsonBodyProcessor(),
            "XML", new XmlBodyProcessor());

    private BodyProcessorRegistry() {
    }

    /**
     * The processor called {@code name} ({@code URLENCODED}, {@code MULTIPART}, {@code JSON},
     * {@code XML}; case-insensitive), or empty for any other name or {@code null}.
     */
    public static Optional<BodyProcessor> lookup(String name) {
        if (name == null || !name.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty(); // ASCII only, so that e.g. a dotless i cannot upper-case into a name
        }
        return Optional.ofNullable(PROCESSORS.get(name.toUpperCase(Locale.ROOT)));
    }
}
