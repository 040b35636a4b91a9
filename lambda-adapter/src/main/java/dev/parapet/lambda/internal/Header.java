package dev.parapet.lambda.internal;

import java.util.Objects;

/** One header line, as Unicode text from the event. */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
