package dev.parapet.transformations;

/** {@code t:parityOdd7bit}: sets bit 7 so that each byte's 7-bit value gets odd parity. */
public final class ParityOdd7bit implements Transformation {

    @Override
    public String name() {
        return "parityOdd7bit";
    }

    @Override
    public String apply(String input) {
        return Parity.apply(input, Parity.Mode.ODD);
    }
}
