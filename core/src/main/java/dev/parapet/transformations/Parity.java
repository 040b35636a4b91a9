package dev.parapet.transformations;

/** Shared implementation of the 7-bit parity transformations. */
final class Parity {

    enum Mode { EVEN, ODD, ZERO }

    private Parity() {
    }

    /**
     * Sets or clears bit 7 of every byte. Like ModSecurity, the parity is computed over all eight bits
     * of the input byte.
     */
    static String apply(String input, Mode mode) {
        int len = input.length();
        char[] out = new char[len];
        boolean changed = false;
        for (int i = 0; i < len; i++) {
            char x = input.charAt(i);
            char r;
            if (mode == Mode.ZERO) {
                r = (char) (x & 0x7F);
            } else {
                boolean oddBits = (Integer.bitCount(x) & 1) == 1;
                boolean setHigh = mode == Mode.EVEN ? oddBits : !oddBits;
                r = (char) (setHigh ? (x | 0x80) : (x & 0x7F));
            }
            out[i] = r;
            changed |= r != x;
        }
        return changed ? new String(out) : input;
    }
}
