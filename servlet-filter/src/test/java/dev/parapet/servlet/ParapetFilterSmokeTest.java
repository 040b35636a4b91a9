package dev.parapet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.crs.HttpWire;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParapetFilterSmokeTest {
    @Test
    void smoke(@TempDir Path dir) {
        try (FilterServer s = FilterServer.start(TestRules.firewall(), dir)) {
            HttpWire.Response r = s.send("GET /respond?body=hi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            System.out.println(r.status() + " " + r.bodyText());
            r = s.send("GET /respond?body=hi HTTP/1.1\r\nHost: x\r\nX-Block: phase1\r\nConnection: close\r\n\r\n");
            System.out.println(r.status() + " " + r.bodyText());
            System.out.println(s.errorLines());
            System.out.println(s.events());
            assertEquals(403, r.status());
        }
    }
}
