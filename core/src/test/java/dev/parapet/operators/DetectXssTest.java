package dev.parapet.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.seclang.MacroString;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectXssTest {

    /** Records captures; {@code capturing} as the rule would say. */
    private static final class RecordingContext implements OperatorContext {
        private final boolean capturing;
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
            throw new AssertionError("detectXSS expands nothing");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <script>alert(1)</script> | true  | true  | 1
            <script>alert(1)</script> | false | true  | 0
            hello world               | true  | false | 0
            ''                        | true  | false | 0
            """)
    void matchesAndCapturesTheWholeInput(String input, boolean capturing, boolean matches, int captures) {
        Operator operator = new DetectXss(OperatorArgs.of("detectXSS", "ignored argument"));
        RecordingContext context = new RecordingContext(capturing);
        assertEquals(matches, operator.evaluate(context, input));
        assertEquals(captures, context.captures.size());
        if (captures == 1) {
            assertEquals(input, context.captures.get(0));
        }
    }
}
