package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.store.FlakyStore;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** initcol/setvar/expirevar backed by a state store, as ModSecurity-style DoS and brute-force rules use them. */
class PersistentCollectionsTest {

    /**
     * A brute-force rule pair in the style of ModSecurity's examples: count failed logins per IP, block
     * for 60 s once there are more than 3.
     */
    private static final String BRUTE_FORCE = """
            SecRuleEngine On
            SecAction "id:100,phase:1,nolog,pass,initcol:ip=%{REMOTE_ADDR},initcol:global=global"
            SecRule IP:BLOCKED "@eq 1" "id:101,phase:1,deny,status:429,msg:'IP blocked'"
            SecRule ARGS:login "@streq failed" "id:102,phase:1,pass,nolog,setvar:ip.failed=+1,setvar:global.failed=+1,expirevar:ip.failed=600"
            SecRule IP:FAILED "@gt 3" "id:103,phase:1,pass,nolog,setvar:ip.blocked=1,expirevar:ip.blocked=60,setvar:!ip.failed"
            SecRule IP:IS_NEW "@eq 1" "id:104,phase:1,pass,nolog,setvar:tx.ip_is_new=1"
            SecAction "id:105,phase:1,nolog,pass,setvar:tx.ip_key=%{ip.key},setvar:tx.ip_timeout=%{ip.timeout},setvar:tx.global_failed=%{global.failed}"
            """;

    private final ManualClock clock = new ManualClock();
    private final LocalStateStore store = LocalStateStore.builder().clock(clock).build();

    private static Transaction run(Firewall fw, String ip, String uri) {
        Transaction tx = fw.newTransaction();
        tx.processConnection(ip, 1234, "10.0.0.1", 80);
        tx.processUri("GET", uri, "HTTP/1.1");
        tx.processRequestHeaders();
        tx.processLogging();
        return tx;
    }

    private static int status(Transaction tx) {
        return tx.interruption().map(Interruption::status).orElse(200);
    }

    @Test
    void countersPersistAcrossTransactionsAndExpire() {
        Firewall fw = Firewall.builder().directives("bf", BRUTE_FORCE).persistentCollections(store).build();
        Transaction first = run(fw, "198.51.100.1", "/login?login=failed");
        assertEquals("1", first.tx("ip_is_new"));
        assertEquals("198.51.100.1", first.tx("ip_key"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, status(run(fw, "198.51.100.1", "/login?login=failed")));
        }
        assertEquals(Map.of("blocked", "1"), store.loadCollection("IP", "198.51.100.1"));
        Transaction blocked = run(fw, "198.51.100.1", "/");
        assertEquals(429, status(blocked));
        assertEquals(null, blocked.tx("ip_is_new"));
        assertEquals(200, status(run(fw, "198.51.100.2", "/")), "per-IP collection");
        assertEquals("4", run(fw, "198.51.100.2", "/").tx("global_failed"));

        clock.advanceSeconds(59);
        assertEquals(429, status(run(fw, "198.51.100.1", "/")));
        clock.advanceSeconds(1);
        assertEquals(200, status(run(fw, "198.51.100.1", "/")), "expirevar:ip.blocked=60 ran out");
    }

    @Test
    void parallelTransactionsAddUpInsteadOfOverwriting() {
        Firewall fw = Firewall.builder().directives("bf", BRUTE_FORCE).persistentCollections(store).build();
        // Two transactions load the same counter before either writes back.
        Transaction a = fw.newTransaction();
        Transaction b = fw.newTransaction();
        for (Transaction tx : new Transaction[] {a, b}) {
            tx.processConnection("198.51.100.3", 1, "10.0.0.1", 80);
            tx.processUri("GET", "/login?login=failed", "HTTP/1.1");
            tx.processRequestHeaders();
        }
        a.processLogging();
        b.processLogging();
        assertEquals("2", store.loadCollection("IP", "198.51.100.3").get("failed"));
        assertEquals("2", store.loadCollection("GLOBAL", "global").get("failed"));
    }

    @Test
    void withoutAStoreCollectionsLastOneTransaction() {
        Firewall fw = Firewall.builder().directives("bf", BRUTE_FORCE).build();
        for (int i = 0; i < 6; i++) {
            assertEquals(200, status(run(fw, "198.51.100.1", "/login?login=failed")));
        }
    }

    @Test
    void collectionTimeoutForgetsIdleCollections() {
        Firewall fw = Firewall.builder().directives("bf", BRUTE_FORCE)
                .persistentCollections(store, Duration.ofMinutes(5)).build();
        run(fw, "198.51.100.1", "/login?login=failed");
        Transaction second = run(fw, "198.51.100.1", "/");
        assertEquals("300", second.tx("ip_timeout"));
        assertEquals(null, second.tx("ip_is_new"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals("1", run(fw, "198.51.100.1", "/").tx("ip_is_new"));
    }

    @Test
    void anUnavailableStoreNeverFailsTheRequest() {
        FlakyStore flaky = new FlakyStore(store);
        flaky.down.set(true);
        Firewall fw = Firewall.builder().directives("bf", BRUTE_FORCE).persistentCollections(flaky).build();
        Transaction tx = run(fw, "198.51.100.1", "/login?login=failed");
        assertEquals(200, status(tx));
        assertEquals("1", tx.tx("ip_is_new"));
        flaky.down.set(false);
        assertTrue(store.loadCollection("IP", "198.51.100.1").isEmpty(), "the changes were dropped");
        assertEquals(Optional.empty(), run(fw, "198.51.100.1", "/login?login=failed").interruption());
        assertEquals("1", store.loadCollection("IP", "198.51.100.1").get("failed"));
    }
}
