package dev.parapet.lambda.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into plain maps, lists, strings, numbers, booleans and {@code null}, with Jackson's streaming
 * parser: the stream handler form needs no data binding, and a Lambda jar without jackson-databind starts
 * faster. Depth and string sizes are bounded by {@link Json#FACTORY}.
 */
final class JsonTree {

    private JsonTree() {
    }

    /** Parses one JSON value that must fill the whole input. */
    static Object parse(byte[] json, int length) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(json, 0, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("empty input");
            }
            Object value = read(p, first);
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON value");
            }
            return value;
        }
    }

    private static Object read(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IOException("unterminated object");
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("unterminated array");
                    }
                    list.add(read(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected token " + token);
        };
    }
}
