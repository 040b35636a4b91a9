package dev.parapet.engine.internal;

/**
 * One distinct value a transaction inspects, with what it has already computed about it: the result of
 * each transformation applied to it and its literal-screen result. Transformations return the very same
 * string when they change nothing, and the node then links to itself, so {@code lowercase} after an
 * {@code urlDecodeUni} that decoded nothing is computed once for every pipeline that reaches the same text
 * (CRS's pipelines differ mostly in decoders that leave benign values alone). Links and screen results live
 * in the transaction's {@link Scratch}, so a node is the only allocation. Owned by one transaction.
 */
public final class ValueNode {

    private final String text;
    private int linksAt = -1; // offset of this node's links (one per transformation id) in the scratch
    private int screenAt = -1; // offset of the literal-screen result in the scratch's arena

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
     * @param transformations how many transformation ids the program uses (the links per node)
     */
    public ValueNode then(TransformPipeline pipeline, int step, int transformations, Scratch scratch) {
        int at = linksAt;
        if (at < 0) {
            at = scratch.allocateLinks(transformations);
            linksAt = at;
        }
        int slot = at + pipeline.ids()[step];
        ValueNode out = scratch.links()[slot];
        if (out == null) {
            String result = pipeline.steps()[step].apply(text);
            out = result == text ? this : new ValueNode(result);
            scratch.links()[slot] = out;
        }
        return out;
    }

    /** The offset of this value's literal-screen result in the scratch's arena, or -1 before it is scanned. */
    public int screen() {
        return screenAt;
    }

    /** Records where this value's literal-screen result is. */
    public void screen(int at) {
        screenAt = at;
    }
}
