package dev.parapet.engine.internal;

import dev.parapet.transformations.Transformation;

/**
 * A rule's transformations with one cache slot per prefix. Slots are shared between rules whose
 * pipelines start the same way, so a value decoded by {@code urlDecodeUni} for one rule is not decoded
 * again for the next.
 *
 * @param steps the transformations in order
 * @param slots {@code slots[i]} is the cache slot of the result after {@code steps[0..i]}
 */
public record TransformPipeline(Transformation[] steps, int[] slots) {

    public static final TransformPipeline EMPTY = new TransformPipeline(new Transformation[0], new int[0]);

    public boolean isEmpty() {
        return steps.length == 0;
    }
}
