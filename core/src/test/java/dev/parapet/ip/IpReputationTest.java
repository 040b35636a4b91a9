package dev.parapet.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.parapet.ip.IpReputation.Listing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpReputationTest {

    @TempDir
    Path dir;

    @Test
    void fireholAndSpamhausFormatsLoad() throws IOException {
        Path firehol = dir.resolve("firehol_level1.netset");
        Files.writeString(firehol, """
                #
                # firehol_level1
                #
                # Maintainer      : FireHOL
                #
                0.0.0.0/8
                1.10.16.0/20
                5.188.10.179
                """);
        Path drop = dir.resolve("drop.txt");
        Files.writeString(drop, """
                ; Spamhaus DROP List 2024/01/01 - (c) 2024 The Spamhaus Project
                ; Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT
                1.19.0.0/16 ; SBL434604
                2.56.192.0/22 ; SBL459831
                """);
        IpReputation r = IpReputation.builder()
                .deny(IpListSource.file(firehol))
                .deny(IpListSource.file(drop))
                .build();
        assertEquals(Listing.DENIED, r.check("1.10.20.1"));
        assertEquals(Listing.DENIED, r.check("5.188.10.179"));
        assertEquals(Listing.UNLISTED, r.check("5.188.10.180"));
        assertEquals(Listing.DENIED, r.check("1.19.255.255"));
        assertEquals(Listing.DENIED, r.check("::ffff:2.56.195.1"));
        assertEquals(Listing.UNLISTED, r.check("2.56.196.0"));
        assertEquals(5, r.size());
    }

    @Test
    void mostSpecificEntryDecidesAndDenyWinsATie() {
        IpReputation r = IpReputation.builder()
                .deny("10.0.0.0/8", "192.0.2.1")
                .allow("10.1.0.0/16", "192.0.2.1")
                .deny("10.1.2.3")
                .build();
        assertEquals(Listing.DENIED, r.check("10.9.9.9"));
        assertEquals(Listing.ALLOWED, r.check("10.1.9.9"));
        assertEquals(Listing.DENIED, r.check("10.1.2.3"));
        assertEquals(Listing.DENIED, r.check("192.0.2.1"));
        assertEquals(Listing.UNLISTED, r.check("not an address"));
    }

    @Test
    void failedReloadKeepsTheLastGoodList() throws IOException {
        Path list = dir.resolve("deny.txt");
        Files.writeString(list, "198.51.100.0/24\n");
        IpReputation r = IpReputation.builder().deny(IpListSource.file(list)).build();
        assertEquals(Listing.DENIED, r.check("198.51.100.9"));

        Files.delete(list);
        assertFalse(r.reloadNow());
        assertEquals(Listing.DENIED, r.check("198.51.100.9"));
        IpReputation.SourceStatus status = r.status().get(0);
        assertEquals(1, status.failures());
        assertNotNull(status.lastError());
        assertEquals(1, status.networks());

        // An HTML error page saved in place of the list is a failed load too.
        Files.writeString(list, "<html>\n<body>Service Unavailable</body>\n</html>\n");
        assertFalse(r.reloadNow());
        assertEquals(Listing.DENIED, r.check("198.51.100.9"));

        Files.writeString(list, "203.0.113.0/24\n");
        assertTrue(r.reloadNow());
        assertEquals(Listing.UNLISTED, r.check("198.51.100.9"));
        assertEquals(Listing.DENIED, r.check("203.0.113.200"));
        assertNull(r.status().get(0).lastError());
    }

    @Test
    void aFewInvalidLinesAreSkippedAndCounted() throws IOException {
        Path list = dir.resolve("deny.txt");
        Files.writeString(list, "198.51.100.0/24\n203.0.113.0/24\n192.0.2.0/24\nnot-an-ip\n");
        IpReputation r = IpReputation.builder().deny(IpListSource.file(list)).build();
        assertEquals(1, r.status().get(0).invalidLines());
        assertEquals(3, r.size());
    }

    @Test
    void initialFailureIsAnErrorUnlessToldOtherwise() {
        Path missing = dir.resolve("missing.txt");
        assertThrows(IllegalStateException.class,
                () -> IpReputation.builder().deny(IpListSource.file(missing)).build());
        IpReputation lenient = IpReputation.builder().deny(IpListSource.file(missing))
                .requireInitialLoad(false).build();
        assertEquals(Listing.UNLISTED, lenient.check("1.2.3.4"));
        assertThrows(IllegalStateException.class, () -> IpReputation.builder().deny("10.0.0.300").build());
    }

    @Test
    void urlListsReloadAndKeepTheLastGoodOnHttpErrors() throws IOException {
        AtomicReference<String> body = new AtomicReference<>("198.51.100.0/24\n");
        AtomicReference<Integer> status = new AtomicReference<>(200);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/list", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try (IpReputation r = IpReputation.builder()
                .deny(IpListSource.url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/list")))
                .build()) {
            assertEquals(Listing.DENIED, r.check("198.51.100.1"));
            status.set(503);
            body.set("oops");
            assertFalse(r.reloadNow());
            assertEquals(Listing.DENIED, r.check("198.51.100.1"));
            status.set(200);
            body.set("2001:db8::/32\n");
            assertTrue(r.reloadNow());
            assertEquals(Listing.DENIED, r.check("2001:db8::1"));
            assertEquals(Listing.UNLISTED, r.check("198.51.100.1"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void listLinesAndComments() {
        IpList l = IpList.parse("t", List.of("# c", "; c", "", "  10.0.0.0/8   # office", "1.2.3.4;x",
                "2001:db8::/32\tSBL1", "bogus", "   "));
        assertEquals(3, l.networks().size());
        assertEquals(1, l.invalidLines());
        assertFalse(l.looksBroken());
        assertTrue(IpList.parse("t", List.of("<html>", "10.0.0.1")).looksBroken());
    }

    @Test
    void scheduledReloadsRunOffTheRequestPath() throws Exception {
        Path list = dir.resolve("deny.txt");
        Files.writeString(list, "198.51.100.0/24\n");
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (IpReputation r = IpReputation.builder().deny(IpListSource.file(list))
                .reloadEvery(java.time.Duration.ofMillis(20)).build()) {
            r.start(scheduler);
            Files.writeString(list, "203.0.113.0/24\n");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (r.check("203.0.113.1") != Listing.DENIED && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Listing.DENIED, r.check("203.0.113.1"), "picked up by a scheduled reload");
            assertTrue(r.reloadCount() >= 2);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void onlyHttpUrls() {
        assertThrows(IllegalArgumentException.class, () -> IpListSource.url(URI.create("file:///etc/passwd")));
    }
}
