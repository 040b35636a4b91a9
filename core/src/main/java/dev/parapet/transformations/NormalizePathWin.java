package dev.parapet.transformations;

/**
 * {@code t:normalizePathWin} (alias {@code normalisePathWin}): converts backslashes to forward slashes,
 * then normalises like {@link NormalizePath}.
 */
public final class NormalizePathWin implements Transformation {

    @Override
    public String name() {
        return "normalizePathWin";
    }

    @Override
    public String apply(String input) {
        if (input.isEmpty()) {
            return input;
        }
        String slashed = input.replace('\\', '/');
        if ((slashed.indexOf('.') < 0 && slashed.indexOf("//") < 0) || NormalizePath.oneSegment(slashed)) {
            return slashed;
        }
        return ByteChars.sameIfEqual(input, NormalizePath.normalize(slashed.toCharArray()));
    }
}
