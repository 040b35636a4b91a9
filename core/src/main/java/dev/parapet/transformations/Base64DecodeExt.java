package dev.parapet.transformations;

/**
 * {@code t:base64DecodeExt}: forgiving Base64 decoding (ModSecurity v3's {@code decode_forgiven}):
 * accepts the standard and URL-safe alphabets ({@code -} as 62, {@code _} as 63), skips every other
 * byte, and decodes complete bytes only. Padding that follows a group holding a single character
 * makes the whole result empty, as in ModSecurity.
 */
public final class Base64DecodeExt implements Transformation {

    @Override
    public String name() {
        return "base64DecodeExt";
    }

    @Override
    public String apply(String input) {
        int len = input.length();
        StringBuilder sextets = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            char c = input.charAt(i);
            if (c == '=') {
                boolean nextIsPad = i + 1 < len && input.charAt(i + 1) == '=';
                if (!nextIsPad && sextets.length() % 4 == 1) {
                    return input.isEmpty() ? input : "";
                }
                continue;
            }
            char normal = c == '-' ? '+' : c == '_' ? '/' : c;
            if (Base64Alphabet.value(normal) >= 0) {
                sextets.append(normal);
            }
        }
        int count = sextets.length();
        // Only whole bytes: a trailing single sextet contributes nothing.
        return ByteChars.sameIfEqual(input, Base64Alphabet.decode(sextets, count));
    }
}
