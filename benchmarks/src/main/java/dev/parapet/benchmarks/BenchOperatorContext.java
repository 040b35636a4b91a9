package dev.parapet.benchmarks;

import dev.parapet.operators.OperatorContext;
import dev.parapet.seclang.MacroString;

/**
 * The context an operator sees when a rule without {@code capture} evaluates it (the common case in CRS):
 * captures are off and the benchmarked operators take no macros.
 */
final class BenchOperatorContext implements OperatorContext {

    static final BenchOperatorContext INSTANCE = new BenchOperatorContext();

    private BenchOperatorContext() {
    }

    @Override
    public boolean capturing() {
        return false;
    }

    @Override
    public void capture(int index, String value) {
        throw new IllegalStateException("capture is off");
    }

    @Override
    public String expand(MacroString argument) {
        throw new IllegalStateException("benchmarked operators take no macros");
    }
}
