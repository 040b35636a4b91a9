package dev.parapet.transformations;

/** {@code t:parityEven7bit}: sets bit 7 so that each byte's 7-bit value gets even parity. */
public final class ParityEven7bit implements Transformation {

    @Override
    public String name() {
        return "parityEven7bit";
    }

    @Override
    public String apply(String input) {
        return Parity.apply(input, Parity.Mode.EVEN);
    }
}
