package dev.parapet.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BlockPageTest {

    @Test
    void transactionIdIsEncodedForHtml() {
        String html = BlockPage.html(403, "<img src=x onerror=alert(1)>");
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void transactionIdIsEncodedForJson() throws Exception {
        String id = "\"},{\"x\":\"</script>\u2028";
        String json = BlockPage.json(403, id);
        assertTrue(json.chars().allMatch(c -> c < 0x80));
        assertTrue(new ObjectMapper().readTree(json).get("transaction_id").asText().equals(id));
    }
}
