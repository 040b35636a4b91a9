package dev.parapet.transformations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Raw message digests of byte strings, returned as byte strings. */
final class Digest {

    private Digest() {
    }

    static String of(String algorithm, String input) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // MD5 and SHA-1 are mandatory in every Java platform.
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
        byte[] hash = md.digest(ByteChars.toBytes(input));
        return ByteChars.fromBytes(hash, hash.length);
    }
}
