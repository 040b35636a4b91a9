package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrsLoadTest {

    @Test
    void loadsFullCrsUnchanged() {
        Path crs = CrsTestSupport.crsDirectory();
        Firewall fw = CrsTestSupport.crs(crs, null).build();
        // 629 CRS rules plus crs-setup's 900990.
        assertEquals(630, fw.ruleCount());
        assertTrue(fw.componentSignatures().get(0).startsWith("OWASP_CRS/4.28.0"), fw.componentSignatures().toString());
    }

    @Test
    void blocksSqlInjectionInQueryAtParanoiaLevelOne() {
        Path crs = CrsTestSupport.crsDirectory();
        Firewall fw = CrsTestSupport.crs(crs, null).build();
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection("203.0.113.9", 40000, "127.0.0.1", 80);
            tx.processUri("GET", "/search?q=1%27%20or%201%3D1%20union%20select%20password%20from%20users--", "HTTP/1.1");
            tx.addRequestHeader("Host", "example.com");
            tx.addRequestHeader("User-Agent", "Mozilla/5.0");
            tx.addRequestHeader("Accept", "text/html");
            assertEquals(Optional.empty(), tx.processRequestHeaders());
            Optional<Interruption> i = tx.processRequestBody();
            List<Integer> ids = tx.matchedRules().stream().map(MatchedRule::id).toList();
            assertTrue(ids.contains(942100), ids.toString());
            assertTrue(i.isPresent(), "expected a block, matched " + ids);
            assertEquals(949110, i.get().ruleId());
            assertEquals(403, i.get().status());
        }
    }

    @Test
    void benignRequestPasses() {
        Path crs = CrsTestSupport.crsDirectory();
        Firewall fw = CrsTestSupport.crs(crs, null).build();
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection("203.0.113.9", 40000, "127.0.0.1", 80);
            tx.processUri("POST", "/orders?lang=en", "HTTP/1.1");
            tx.addRequestHeader("Host", "example.com");
            tx.addRequestHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
            tx.addRequestHeader("Accept", "text/html,application/xhtml+xml");
            tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            byte[] body = "name=O%27Brien&email=ob%40example.org&qty=2&note=Leave+it+at+the+door%2C+please"
                    .getBytes(StandardCharsets.ISO_8859_1);
            tx.addRequestHeader("Content-Length", Integer.toString(body.length));
            assertEquals(Optional.empty(), tx.processRequestHeaders());
            tx.appendRequestBody(body, 0, body.length);
            assertEquals(Optional.empty(), tx.processRequestBody(), () -> tx.matchedRules().toString());
            tx.addResponseHeader("Content-Type", "text/html");
            assertEquals(Optional.empty(), tx.processResponseHeaders(200, "HTTP/1.1"));
            byte[] page = "<html><body>Thanks!</body></html>".getBytes(StandardCharsets.ISO_8859_1);
            tx.appendResponseBody(page, 0, page.length);
            assertEquals(Optional.empty(), tx.processResponseBody());
            tx.processLogging();
            // CRS's bookkeeping rules are nolog: nolog keeps them out of the audit log despite
            // crs-setup's SecDefaultAction "log,auditlog" (found by the Lambda adapter).
            assertTrue(tx.matchedRules().stream().noneMatch(MatchedRule::auditLog), () -> tx.matchedRules().toString());
            assertTrue(!tx.isAuditRelevant(), "a benign request is not audit-relevant under RelevantOnly");
        }
    }
}
