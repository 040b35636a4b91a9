package dev.parapet.crs;

import dev.parapet.crs.FtwModel.FtwStage;
import dev.parapet.crs.FtwModel.FtwTest;
import dev.parapet.crs.StageExecutor.StageResult;
import java.util.ArrayList;
import java.util.List;

/** Runs every stage of a test through an executor and folds the stage outcomes into one test outcome. */
final class StageRunner {
    private final StageExecutor executor;
    private final ReflectBackend backend = new ReflectBackend();

    StageRunner(StageExecutor executor) {
        this.executor = executor;
    }

    /** A failed stage fails the test; otherwise a skipped stage skips it. */
    Outcome run(FtwTest test) {
        if (test.stages().isEmpty()) {
            return Outcome.skipped("test has no stages");
        }
        List<String> skips = new ArrayList<>();
        int index = 0;
        for (FtwStage stage : test.stages()) {
            index++;
            String prefix = test.stages().size() > 1 ? "stage " + index + ": " : "";
            Outcome outcome = runStage(stage);
            if (outcome.kind() == Outcome.Kind.FAILED) {
                return Outcome.failed(prefix + outcome.reason());
            }
            if (outcome.kind() == Outcome.Kind.SKIPPED) {
                skips.add(prefix + outcome.reason());
            }
        }
        return skips.isEmpty() ? Outcome.passed() : Outcome.skipped(String.join("; ", skips));
    }

    Outcome runStage(FtwStage stage) {
        RawRequest request = RawRequestParser.parse(FtwRequestBuilder.build(stage.input()));
        BackendResponse response = backend.respond(request);
        String dest = stage.input().effectiveDestAddr();
        String serverAddress = dest.equalsIgnoreCase("localhost") ? "127.0.0.1" : dest;
        StageResult result;
        try {
            result = executor.execute(request, response, serverAddress, stage.input().effectivePort());
        } catch (RuntimeException e) {
            return Outcome.failed("engine threw " + e);
        }
        return StageChecker.check(stage.output(), request, response, result);
    }
}
