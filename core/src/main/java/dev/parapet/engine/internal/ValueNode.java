package dev.parapet.engine.internal;

/**
 * One distinct value a transaction inspects, with what it has already computed about it: the result of
 * each transformation applied to it and its literal-screen result. Transformations return the very same
 * string when they change nothing, and the node then points at itself, so {@code lowercase} after an
 * {@code urlDecodeUni} that decoded nothing is computed once for every pipeline that reaches the same text
 * (CRS's pipelines differ mostly in decoders that leave benign values alone). Owned by one transaction.
 */
public final class ValueNode {

    private final String text;
    private ValueNode[] next; // by transformation id (TransformPipeline#ids), created on first use
    /** The literal-screen result for {@link #text()}, or {@code null} before the first screened operator. */
    public long[] screen;

    public ValueNode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * The node for this value after the pipeline's step {@code step}, applying the transformation on first
     * use.
     *
     * @param transformations how many transformation ids the program uses (the size of the table)
     */
    public ValueNode then(TransformPipeline pipeline, int step, int transformations) {
        ValueNode[] n = next;
        if (n == null) {
            n = new ValueNode[transformations];
            next = n;
        }
        int id = pipeline.ids()[step];
        ValueNode out = n[id];
        if (out == null) {
            String result = pipeline.steps()[step].apply(text);
            out = result == text ? this : new ValueNode(result);
            n[id] = out;
        }
        return out;
    }
}
