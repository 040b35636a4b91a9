package dev.parapet.benchmarks;

import java.nio.charset.StandardCharsets;

/** Benign input values for the component benchmarks, as byte strings (one {@code char} per byte). */
public final class Inputs {

    /** The benign text all inputs are cut from: the free-text answer of the form shape, decoded. */
    private static final String TEXT = "I manage purchasing for a small chain of outdoor stores. We mostly stock "
            + "hiking boots, rain jackets and camping gear, and we are looking for a supplier that can ship mixed "
            + "pallets every two weeks. Please send the spring catalogue and the current price list for resellers. "
            + "We would also like to know the lead times for custom embroidery on jackets and backpacks, and "
            + "whether samples can be sent to our main office before we place the first order. O'Brien from our "
            + "Dublin store asked about sizes 42-46 (EU) at $89.90 each, so write to alice.smith@example.com or call "
            + "+1 555 010 2368 before 5:30 pm on 2024-04-18. Thank you for your help and have a nice day! ";

    /**
     * A chunk with something for every decoder: percent and plus encoding, HTML entities, JavaScript and CSS
     * escapes, comments, a Windows path and a dot-segment path, SQL hex and base64 — all of it harmless.
     */
    private static final String ENCODED_CHUNK = "q=caf%C3%A9+au+lait&amp;note=%22fresh%22 &lt;b&gt;bold&lt;/b&gt; "
            + "\\x41\\u0042\\43 /* note */ -- c:\\Program Files\\App\\..\\data\\ /shop/./a/../b//c "
            + "0x48656c6c6f SGVsbG8gd29ybGQ= \t\n ";

    private Inputs() {
    }

    /** {@code length} bytes of plain English text (no escapes, so most decoders leave it unchanged). */
    public static String plain(int length) {
        return repeat(TEXT, length);
    }

    /** {@code length} bytes of text full of harmless encodings that the decoders rewrite. */
    public static String encoded(int length) {
        return repeat(ENCODED_CHUNK + TEXT.substring(0, 120), length);
    }

    /** The same, as ISO-8859-1 bytes. */
    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String repeat(String source, int length) {
        StringBuilder out = new StringBuilder(length + source.length());
        while (out.length() < length) {
            out.append(source);
        }
        return out.substring(0, length);
    }
}
