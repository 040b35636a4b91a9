package dev.parapet.servlet.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.parapet.actions.Disruptive;
import dev.parapet.engine.BlockReplies;
import dev.parapet.engine.Interruption;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * The response that replaces a blocked one: the rule's status and a small HTML or JSON body (by {@code Accept}) that
 * names the transaction id, so a user can quote it to support. Nothing from the request is echoed except that id,
 * and it is encoded for the body's context.
 */
final class BlockPage {

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private BlockPage() {
    }

    /** Writes the block response; the response must not be committed (the caller has reset it). */
    static void write(HttpServletResponse response, Interruption interruption, String transactionId, String accept)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (interruption.action() == Disruptive.DROP) {
            // A servlet cannot drop the connection; closing it after a bodiless answer is the nearest thing.
            response.setStatus(interruption.status());
            response.setHeader("Connection", "close");
            response.setContentLength(0);
            return;
        }
        if (interruption.action() == Disruptive.REDIRECT && BlockReplies.isSafeLocation(interruption.redirectUrl())) {
            response.setStatus(interruption.status());
            response.setHeader("Location", interruption.redirectUrl());
            response.setContentLength(0);
            return;
        }
        int status = interruption.action() == Disruptive.REDIRECT || interruption.status() < 400
                || interruption.status() > 599 ? 403 : interruption.status();
        response.setStatus(status);
        byte[] body;
        if (prefersJson(accept)) {
            response.setContentType("application/json");
            body = json(status, transactionId).getBytes(StandardCharsets.US_ASCII);
        } else {
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Content-Security-Policy", "default-src 'none'");
            body = html(status, transactionId).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String html(int status, String transactionId) {
        String reason = Encode.forHtml(BlockReplies.reasonPhrase(status));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + reason
                + "</title></head>\n<body><h1>" + status + " " + reason + "</h1>\n"
                + "<p>This request was blocked by the web application firewall.</p>\n"
                + "<p>Transaction id: <code>" + Encode.forHtml(transactionId) + "</code></p>\n</body></html>\n";
    }

    static String json(int status, String transactionId) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("error", BlockReplies.reasonPhrase(status));
            g.writeStringField("message", "This request was blocked by the web application firewall.");
            g.writeStringField("transaction_id", transactionId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * Whether the client prefers JSON over HTML: {@code application/json} (or {@code +json}) ranks higher than
     * {@code text/html} by q-value, or equal and named explicitly while HTML is not.
     */
    static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = -1;
        int jsonSpecificity = -1;
        double html = -1;
        int htmlSpecificity = -1;
        // Split by hand: request data never goes through java.util.regex.
        for (String range : split(accept, ',')) {
            List<String> params = split(range, ';');
            String type = params.get(0).strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.size(); i++) {
                String p = params.get(i).strip();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            int js = specificity(type, true);
            if (js > jsonSpecificity) {
                jsonSpecificity = js;
                json = q;
            }
            int hs = specificity(type, false);
            if (hs > htmlSpecificity) {
                htmlSpecificity = hs;
                html = q;
            }
        }
        if (json <= 0) {
            return false;
        }
        return json > html || (json == html && jsonSpecificity == 2 && htmlSpecificity < 2);
    }

    private static List<String> split(String s, char separator) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == separator) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** 2 when the range names the type exactly, 1 for {@code type/*}, 0 for {@code * /*}, -1 when it does not match. */
    private static int specificity(String range, boolean json) {
        if (json) {
            if (range.equals("application/json") || (range.startsWith("application/") && range.endsWith("+json"))) {
                return 2;
            }
            if (range.equals("application/*")) {
                return 1;
            }
        } else {
            if (range.equals("text/html")) {
                return 2;
            }
            if (range.equals("text/*")) {
                return 1;
            }
        }
        return range.equals("*/*") ? 0 : -1;
    }
}
