package dev.parapet.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.seclang.MacroString;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectSqliTest {

    /** Records captures like a transaction's TX:0..9. */
    static final class RecordingContext implements OperatorContext {
        final boolean capturing;
        final Map<Integer, String> captures = new HashMap<>();

        RecordingContext(boolean capturing) {
            this.capturing = capturing;
        }

        @Override
        public boolean capturing() {
            return capturing;
        }

        @Override
        public void capture(int index, String value) {
            captures.put(index, value);
        }

        @Override
        public String expand(MacroString argument) {
            throw new UnsupportedOperationException();
        }
    }

    private final Operator operator = new DetectSqli(OperatorArgs.of("detectSQLi", ""));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, textBlock = """
            1' OR '1'='1                | s&sos
            1 AND SLEEP(5)              | 1&f(1
            admin'--                    | sc
            """)
    void matchCapturesFingerprint(String input, String fingerprint) {
        RecordingContext context = new RecordingContext(true);
        assertTrue(operator.evaluate(context, input));
        assertEquals(Map.of(0, fingerprint), context.captures);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, textBlock = """
            1' OR '1'='1
            """)
    void matchWithoutCaptureStoresNothing(String input) {
        RecordingContext context = new RecordingContext(false);
        assertTrue(operator.evaluate(context, input));
        assertEquals(Map.of(), context.captures);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = 0, emptyValue = "", textBlock = """
            O'Brien
            hello world
            ''
            """)
    void benignValueDoesNotMatch(String input) {
        RecordingContext context = new RecordingContext(true);
        assertFalse(operator.evaluate(context, input));
        assertEquals(Map.of(), context.captures);
    }

    @org.junit.jupiter.api.Test
    void argumentIsIgnored() {
        Operator withArgument = new DetectSqli(OperatorArgs.of("detectSQLi", "anything"));
        assertTrue(withArgument.evaluate(new RecordingContext(false), "1' OR '1'='1"));
    }
}
