package dev.parapet.engine.internal;

import dev.parapet.transformations.Transformation;

/**
 * A rule's transformations, each with a program-wide id (one per transformation name), under which a
 * {@link ValueNode} remembers its result so that no transformation runs twice on the same value in a
 * transaction, whichever pipelines reach it.
 *
 * @param steps the transformations in order
 * @param ids {@code ids[i]} is the id of {@code steps[i]}, from 0 to the program's transformation count - 1
 * @param id this pipeline's number in its program (0 for the empty pipeline), for per-pipeline tables
 */
public record TransformPipeline(Transformation[] steps, int[] ids, int id) {

    public static final TransformPipeline EMPTY = new TransformPipeline(new Transformation[0], new int[0], 0);

    public boolean isEmpty() {
        return steps.length == 0;
    }
}
