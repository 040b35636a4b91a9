package dev.parapet.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies for the benchmarks: the fixed bodies of the shared wrk request shapes, and benign generated
 * bodies of a requested size. Generated text is plain English words, so it exercises the rules' full
 * inspection path without matching any of them (checked by the module's tests at PL1 and PL2).
 */
public final class Bodies {

    /** Multipart boundary of every generated multipart body. */
    public static final String BOUNDARY = "----ParapetBenchBoundary7MA4YWxkTrZu0gW";

    private static final String[] WORDS = {
        "order", "shipping", "weekend", "hiking", "boots", "jacket", "please", "send", "the", "catalogue",
        "spring", "price", "list", "for", "resellers", "we", "would", "like", "to", "know", "lead", "times",
        "custom", "embroidery", "backpacks", "samples", "office", "before", "first", "thank", "you", "help",
        "delivery", "between", "nine", "and", "five", "receipt", "goes", "in", "box", "with", "neighbour",
        "water", "bottle", "running", "socks", "merino", "grey", "blue", "green", "size", "large", "small"
    };

    private Bodies() {
    }

    /** The 995-byte urlencoded form of {@code post-form.lua}. */
    public static byte[] shapeForm() {
        return resource("post-form.body");
    }

    /** The 2,058-byte JSON order of {@code post-json.lua}. */
    public static byte[] shapeJson() {
        return resource("post-json.body");
    }

    /** A urlencoded form of about {@code bytes} bytes: fields {@code field1..n} of 20 words each. */
    public static byte[] form(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 256);
        int field = 0;
        int word = 0;
        while (out.length() < bytes) {
            if (field > 0) {
                out.append('&');
            }
            out.append("field").append(++field).append('=');
            for (int i = 0; i < 20 && out.length() < bytes; i++) {
                if (i > 0) {
                    out.append('+');
                }
                out.append(WORDS[word++ % WORDS.length]);
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A JSON document of about {@code bytes} bytes: an array of items with an id, a name, a quantity and a
     * 60-word note (so that 64 KB stays well below ModSecurity's recommended limit of 1,000 arguments).
     */
    public static byte[] json(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 256);
        out.append("{\"order_id\": \"ORD-2024-000187\", \"items\": [");
        int item = 0;
        int word = 0;
        while (out.length() < bytes - 4) {
            if (item > 0) {
                out.append(", ");
            }
            out.append("{\"id\": ").append(++item).append(", \"name\": \"");
            word = words(out, word, 3);
            out.append("\", \"quantity\": ").append(item % 7 + 1).append(", \"note\": \"");
            for (int i = 0; i < 60 && out.length() < bytes - 4; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(WORDS[word++ % WORDS.length]);
            }
            out.append("\"}");
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A multipart/form-data upload of about {@code bytes} bytes: two text fields and one CSV file part
     * (use with {@code Content-Type: multipart/form-data; boundary=}{@link #BOUNDARY}).
     */
    public static byte[] multipart(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 512);
        part(out, "title", null, null).append("Quarterly sales report\r\n");
        part(out, "description", null, null).append("Sales per store and product for the spring season\r\n");
        part(out, "report", "quarterly-report.csv", "text/csv");
        out.append("date,store,product,quantity,unit_price\n");
        int line = 0;
        int tail = ("\r\n--" + BOUNDARY + "--\r\n").length();
        while (out.length() < bytes - tail) {
            line++;
            out.append("2024-04-").append(line % 28 + 1 < 10 ? "0" : "").append(line % 28 + 1)
                    .append(",store ").append(line % 17 + 1).append(',').append(WORDS[line % WORDS.length])
                    .append(' ').append(WORDS[(line * 7) % WORDS.length]).append(',').append(line % 9 + 1)
                    .append(',').append(10 + line % 90).append(".90\n");
        }
        out.append("\r\n--").append(BOUNDARY).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A multipart body with one file part holding {@code content}; for attack shapes. */
    public static byte[] multipartFile(String fileName, String contentType, String content) {
        StringBuilder out = new StringBuilder(content.length() + 512);
        part(out, "title", null, null).append("Profile picture\r\n");
        part(out, "upload", fileName, contentType).append(content).append("\r\n--").append(BOUNDARY).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static StringBuilder part(StringBuilder out, String name, String fileName, String contentType) {
        out.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            out.append("; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(contentType);
        }
        return out.append("\r\n\r\n");
    }

    private static int words(StringBuilder out, int start, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(WORDS[(start + i) % WORDS.length]);
        }
        return start + count;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Bodies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
