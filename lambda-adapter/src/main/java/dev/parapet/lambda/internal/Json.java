package dev.parapet.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/** The one Jackson factory of the adapter: thread-safe, with limits fit for Lambda payloads. */
final class Json {

    /** Lambda's synchronous payload limit is 6 MB; nothing legitimate nests deeper than this. */
    static final int MAX_DEPTH = 64;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(8 * 1024 * 1024)
                    .maxNumberLength(64)
                    .build())
            .build();

    private Json() {
    }
}
