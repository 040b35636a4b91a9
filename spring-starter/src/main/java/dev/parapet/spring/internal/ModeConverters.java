package dev.parapet.spring.internal;

import dev.parapet.spring.ParapetProperties.Mode;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;

/**
 * Reads {@code parapet.mode}. YAML turns a bare {@code on} or {@code off} into a boolean before Spring sees it,
 * so {@code mode: on} would otherwise fail to bind; booleans and the words on, off, detection-only (in any case,
 * with {@code -} or {@code _}) are all accepted.
 */
public final class ModeConverters {

    private ModeConverters() {
    }

    /** Converts YAML's booleans: true is on, false is off. */
    public static final class FromBoolean implements Converter<Boolean, Mode> {
        @Override
        public Mode convert(Boolean source) {
            return source ? Mode.ON : Mode.OFF;
        }
    }

    /** Converts the written forms. */
    public static final class FromString implements Converter<String, Mode> {
        @Override
        public Mode convert(String source) {
            String word = source.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (word) {
                case "on", "true" -> Mode.ON;
                case "off", "false" -> Mode.OFF;
                case "detectiononly" -> Mode.DETECTION_ONLY;
                default -> throw new IllegalArgumentException(
                        "'" + source + "' is not a mode; use on, detection-only or off");
            };
        }
    }
}
