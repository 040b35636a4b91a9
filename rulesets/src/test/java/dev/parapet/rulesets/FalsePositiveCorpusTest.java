package dev.parapet.rulesets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The benign corpus ({@code corpus/benign-requests.yaml}) passes the default profile untouched: no interruption
 * and not a single rule that logs, so not even a finding below the blocking threshold.
 */
class FalsePositiveCorpusTest {

    private static final Firewall DEFAULT = Rulesets.parapet().build();

    @TestFactory
    Stream<DynamicTest> defaultProfileBlocksNothing() {
        List<CorpusRequest> corpus = CorpusRequest.load("/corpus/benign-requests.yaml");
        assertTrue(corpus.size() >= 40, "corpus has " + corpus.size() + " requests");
        return corpus.stream().map(request -> DynamicTest.dynamicTest(request.name(), () -> {
            CorpusRequest.Result result = request.run(DEFAULT);
            assertTrue(result.interruption().isEmpty() && result.logged().isEmpty(),
                    () -> request.name() + ": " + result.describe());
        }));
    }
}
