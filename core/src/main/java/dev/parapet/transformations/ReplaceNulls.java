package dev.parapet.transformations;

/** {@code t:replaceNulls}: replaces every NUL (0x00) byte with a space. */
public final class ReplaceNulls implements Transformation {

    @Override
    public String name() {
        return "replaceNulls";
    }

    @Override
    public String apply(String input) {
        return input.indexOf('\0') < 0 ? input : input.replace('\0', ' ');
    }
}
