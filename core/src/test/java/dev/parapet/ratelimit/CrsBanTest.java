package dev.parapet.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.CrsTestSupport;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Transaction;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Automatic bans fed by the OWASP CRS: blocked attacks and their anomaly scores. */
class CrsBanTest {

    private static Optional<Interruption> request(Firewall fw, String ip, String uri) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection(ip, 40000, "10.0.0.1", 80);
            tx.processUri("GET", uri, "HTTP/1.1");
            tx.addRequestHeader("Host", "localhost");
            tx.addRequestHeader("User-Agent", "Mozilla/5.0");
            tx.addRequestHeader("Accept", "text/html");
            Optional<Interruption> i = tx.processRequestHeaders();
            if (i.isEmpty()) {
                i = tx.processRequestBody();
            }
            tx.processLogging();
            return i;
        }
    }

    @Test
    void attackersBlockedByCrsAreBannedAndOthersAreNot() {
        Path crs = CrsTestSupport.crsDirectory();
        ManualClock clock = new ManualClock();
        TrafficGuard guard = TrafficGuard.builder().clock(clock)
                .store(LocalStateStore.builder().clock(clock).build())
                .bans(BanPolicy.builder().afterBlocks(3, Duration.ofMinutes(1)).banFor(Duration.ofMinutes(5)).build())
                .build();
        Firewall fw = CrsTestSupport.crs(crs, null).protection(guard).build();

        String attack = "/?id=1%27%20UNION%20SELECT%20password%20FROM%20users--";
        for (int i = 0; i < 3; i++) {
            Interruption blocked = request(fw, "203.0.113.66", attack).orElseThrow();
            assertEquals(403, blocked.status());
            assertTrue(blocked.ruleId() > 0, "blocked by a CRS rule");
        }
        Interruption banned = request(fw, "203.0.113.66", "/index.html").orElseThrow();
        assertEquals("ban", banned.reason());
        assertEquals(300, banned.retryAfterSeconds());
        assertEquals(Optional.empty(), request(fw, "203.0.113.67", "/index.html"), "a bystander is served");

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), request(fw, "203.0.113.66", "/index.html"), "ban over");
    }

    @Test
    void cumulativeCrsAnomalyScoresBanBelowTheBlockingThreshold() {
        Path crs = CrsTestSupport.crsDirectory();
        ManualClock clock = new ManualClock();
        TrafficGuard guard = TrafficGuard.builder().clock(clock)
                .store(LocalStateStore.builder().clock(clock).build())
                .bans(BanPolicy.builder().afterAnomalyScore(9, Duration.ofMinutes(10)).build())
                .build();
        Firewall fw = CrsTestSupport.crs(crs, null).protection(guard).build();
        // %u-encoding (920260, a warning worth 3) stays under the blocking threshold of 5 each time...
        String suspicious = "/?x=%uff1c";
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.bans().isEmpty());
            assertEquals(Optional.empty(), request(fw, "203.0.113.70", suspicious), "served");
        }
        // ...but 3 + 3 + 3 reaches the ban threshold of 9.
        assertEquals(1, guard.bans().size());
        assertTrue(guard.bans().get(0).reason().contains("anomaly score 9"), guard.bans().get(0).reason());
        assertEquals("ban", request(fw, "203.0.113.70", "/index.html").orElseThrow().reason());
    }
}
