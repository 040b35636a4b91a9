package dev.parapet.transformations;

/**
 * {@code t:base64Decode}: decodes standard Base64 up to the first character outside the alphabet
 * ({@code A-Z a-z 0-9 + /}); padding, whitespace or any other byte ends the input. A final group of 2
 * or 3 characters yields 1 or 2 bytes; a lone final character is ignored. This is the partial decoding
 * of ModSecurity v2 (APR) and Coraza, which never fails.
 */
public final class Base64Decode implements Transformation {

    @Override
    public String name() {
        return "base64Decode";
    }

    @Override
    public String apply(String input) {
        int valid = 0;
        while (valid < input.length() && Base64Alphabet.value(input.charAt(valid)) >= 0) {
            valid++;
        }
        return ByteChars.sameIfEqual(input, Base64Alphabet.decode(input, valid));
    }
}
