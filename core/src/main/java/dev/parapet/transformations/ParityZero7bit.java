package dev.parapet.transformations;

/** {@code t:parityZero7bit}: clears bit 7 of every byte. */
public final class ParityZero7bit implements Transformation {

    @Override
    public String name() {
        return "parityZero7bit";
    }

    @Override
    public String apply(String input) {
        return Parity.apply(input, Parity.Mode.ZERO);
    }
}
