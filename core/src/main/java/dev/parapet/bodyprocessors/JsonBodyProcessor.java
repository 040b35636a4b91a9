package dev.parapet.bodyprocessors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code JSON} body processor: flattens a JSON document into arguments, named the way Coraza
 * names them.
 *
 * <p>Keys are joined with {@code .} under the prefix {@code json}: {@code {"a":{"b":1}}} gives
 * {@code json.a.b=1}. Array elements are numbered from 0 ({@code {"a":[5,6]}} gives {@code json.a.0=5},
 * {@code json.a.1=6}) and a non-empty array also yields its length ({@code json.a=2}), as in Coraza
 * (ModSecurity v3 names elements {@code json.a.array_0} instead). Strings give their text, numbers
 * their literal text, booleans {@code true}/{@code false}, {@code null} an empty value. A top-level
 * scalar becomes the argument {@code json}; a top-level array is numbered from {@code json.0}. Names
 * and values are UTF-8 encoded byte strings.
 *
 * <p>Nesting deeper than {@link BodyLimits#maxJsonDepth()}, more than {@link BodyLimits#maxArguments()}
 * arguments, flattened names and values totalling more than 64 times the body size (plus 1 MiB),
 * invalid JSON or UTF-8, and trailing content are reported as {@code error("JSON parsing error: …")};
 * arguments parsed before the problem are kept.
 */
public final class JsonBodyProcessor implements BodyProcessor {

    // Canonicalisation is off so that attacker-chosen keys never reach a shared symbol table.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();

    /** Creates the processor; it is stateless. */
    public JsonBodyProcessor() {
    }

    @Override
    public void process(byte[] body, int length, String contentType, BodyLimits limits, BodyTarget target) {
        byte[] bytes = body == null ? new byte[0] : body;
        int valid = Math.max(0, Math.min(length, bytes.length));
        int invalidAt = firstInvalidUtf8(bytes, valid);
        if (invalidAt >= 0) {
            // Jackson would silently substitute U+FFFD; ModSecurity's parser rejects the body instead.
            target.error("JSON parsing error: invalid UTF-8 at byte offset " + invalidAt);
        }
        new Flattener(limits, target).run(bytes, valid);
    }

    /** Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
    static int firstInvalidUtf8(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= length) {
                return i;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int d = b[i + k] & 0xFF;
                if ((d & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (d & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    /** One flattening pass; holds the key path as a stack of prefix lengths. */
    private static final class Flattener {
        private final BodyLimits limits;
        private final BodyTarget target;
        private final StringBuilder key = new StringBuilder("json");
        private final List<Frame> stack = new ArrayList<>();
        private int arguments;
        private long outputBudget;

        Flattener(BodyLimits limits, BodyTarget target) {
            this.limits = limits;
            this.target = target;
        }

        /** An open container: where its key ends and, for arrays, the next index. */
        private static final class Frame {
            final int keyLength;
            final boolean array;
            int nextIndex;

            Frame(int keyLength, boolean array) {
                this.keyLength = keyLength;
                this.array = array;
            }
        }

        void run(byte[] bytes, int length) {
            // Long keys repeated over many array elements could multiply the body; bound the total output.
            outputBudget = 64L * length + (1 << 20);
            try (JsonParser parser = FACTORY.createParser(bytes, 0, length)) {
                walk(parser);
            } catch (LimitExceeded e) {
                target.error("JSON parsing error: " + e.getMessage());
            } catch (JsonProcessingException e) {
                target.error("JSON parsing error: " + e.getOriginalMessage());
            } catch (IOException | RuntimeException e) {
                target.error("JSON parsing error: " + e.getMessage());
            }
        }

        private void walk(JsonParser parser) throws IOException, LimitExceeded {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return; // an empty body carries no arguments
            }
            do {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        enterValue();
                        if (stack.size() >= Math.max(0, limits.maxJsonDepth())) {
                            throw new LimitExceeded("JSON depth exceeds the limit of " + limits.maxJsonDepth());
                        }
                        stack.add(new Frame(key.length(), token == JsonToken.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        Frame frame = stack.remove(stack.size() - 1);
                        key.setLength(frame.keyLength);
                        if (frame.array && frame.nextIndex > 0) {
                            emit(Integer.toString(frame.nextIndex));
                        }
                        leaveValue();
                    }
                    case FIELD_NAME -> {
                        Frame frame = stack.get(stack.size() - 1);
                        key.setLength(frame.keyLength);
                        key.append('.').append(utf8(parser.currentName()));
                    }
                    case VALUE_STRING -> scalar(utf8(parser.getText()));
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> scalar(parser.getText());
                    case VALUE_NULL -> scalar("");
                    default -> {
                        // VALUE_EMBEDDED_OBJECT / NOT_AVAILABLE never occur for byte input.
                    }
                }
                if (stack.isEmpty()) {
                    break;
                }
                token = parser.nextToken();
                if (token == null) {
                    throw new LimitExceeded("unexpected end of input");
                }
            } while (true);
            if (parser.nextToken() != null) {
                throw new LimitExceeded("trailing content after the JSON value");
            }
        }

        /** Before a value inside an array: append its index to the key. */
        private void enterValue() {
            if (!stack.isEmpty()) {
                Frame frame = stack.get(stack.size() - 1);
                if (frame.array) {
                    key.setLength(frame.keyLength);
                    key.append('.').append(frame.nextIndex++);
                }
            }
        }

        private void leaveValue() {
            if (!stack.isEmpty()) {
                key.setLength(stack.get(stack.size() - 1).keyLength);
            }
        }

        private void scalar(String value) throws LimitExceeded {
            enterValue();
            emit(value);
            leaveValue();
        }

        private void emit(String value) throws LimitExceeded {
            if (arguments >= Math.max(0, limits.maxArguments())) {
                throw new LimitExceeded("number of arguments exceeds the limit of " + limits.maxArguments());
            }
            outputBudget -= key.length() + (long) value.length();
            if (outputBudget < 0) {
                throw new LimitExceeded("flattened arguments exceed 64 times the body size");
            }
            arguments++;
            target.argument(key.toString(), value);
        }
    }

    /** Our own stop conditions, reported like parse errors. */
    private static final class LimitExceeded extends Exception {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    /** The UTF-8 bytes of {@code s}, one per char. */
    static String utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }
}
