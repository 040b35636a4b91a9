package dev.parapet.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.Transaction;
import dev.parapet.ip.ClientIpResolver;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.ManualClock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each aggregation key of an AWS WAF rate-based rule, written with this API: two requests that share the
 * key share a bucket of one, a third request that differs only in the key does not.
 */
class AwsWafAggregationKeysTest {

    /** A request: peer address, X-Forwarded-For, method, URI, extra header lines. */
    record Req(String peer, String xff, String method, String uri, String... headers) {
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                // IP: the address the request came from
                Arguments.of("IP", RateKey.peerIp(),
                        new Req("198.51.100.1", null, "GET", "/"), new Req("198.51.100.2", null, "GET", "/")),
                // FORWARDED_IP: the client behind trusted proxies (see the ClientIpResolver below)
                Arguments.of("FORWARDED_IP", RateKey.clientIp(),
                        new Req("10.0.0.1", "203.0.113.1", "GET", "/"), new Req("10.0.0.1", "203.0.113.2", "GET", "/")),
                // CONSTANT: every request in scope counts together
                Arguments.of("CONSTANT", RateKey.constant(),
                        new Req("198.51.100.1", null, "GET", "/"), null),
                // CUSTOM_KEYS, one component each
                Arguments.of("HEADER", RateKey.header("X-Api-Key"),
                        new Req("198.51.100.1", null, "GET", "/", "X-Api-Key", "k1"),
                        new Req("198.51.100.1", null, "GET", "/", "X-Api-Key", "k2")),
                Arguments.of("COOKIE", RateKey.cookie("session"),
                        new Req("198.51.100.1", null, "GET", "/", "Cookie", "session=s1"),
                        new Req("198.51.100.1", null, "GET", "/", "Cookie", "session=s2")),
                Arguments.of("QUERY_ARGUMENT", RateKey.queryArgument("user"),
                        new Req("198.51.100.1", null, "GET", "/?user=alice"),
                        new Req("198.51.100.1", null, "GET", "/?user=bob")),
                Arguments.of("QUERY_STRING", RateKey.queryString(),
                        new Req("198.51.100.1", null, "GET", "/?a=1&b=2"),
                        new Req("198.51.100.1", null, "GET", "/?a=1&b=3")),
                Arguments.of("HTTP_METHOD", RateKey.method(),
                        new Req("198.51.100.1", null, "POST", "/"), new Req("198.51.100.1", null, "PUT", "/")),
                Arguments.of("URI_PATH", RateKey.path(),
                        new Req("198.51.100.1", null, "GET", "/a?x=1"), new Req("198.51.100.1", null, "GET", "/b?x=1")),
                // JA3/JA4 fingerprints are computed by the TLS terminator; key on the header it forwards
                Arguments.of("JA4_FINGERPRINT", RateKey.header("X-JA4"),
                        new Req("198.51.100.1", null, "GET", "/", "X-JA4", "t13d1516h2_8daaf6152771_b186095e22b6"),
                        new Req("198.51.100.1", null, "GET", "/", "X-JA4", "t13d1517h2_8daaf6152771_b1ff8ab2d16f")),
                // A combination of components: IP + path, as a CUSTOM_KEYS list would
                Arguments.of("IP+URI_PATH", RateKey.of(RateKey.clientIp(), RateKey.path()),
                        new Req("198.51.100.1", null, "GET", "/login"), new Req("198.51.100.1", null, "GET", "/search")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void aggregationKey(String awsName, RateKey key, Req same, Req other) {
        ManualClock clock = new ManualClock();
        TrafficGuard guard = TrafficGuard.builder()
                .clock(clock).store(LocalStateStore.builder().clock(clock).build())
                .clientIp(ClientIpResolver.builder().trustedProxies("10.0.0.0/8").build())
                .limit(RateLimitPolicy.builder("aws-" + awsName.toLowerCase(java.util.Locale.ROOT).replace('+', '-'))
                        .key(key)
                        .limit(1, Duration.ofMinutes(5))
                        .build())
                .build();
        Firewall fw = Firewall.builder().directives("none", "SecRuleEngine On").protection(guard).build();
        assertEquals(200, send(fw, same));
        assertEquals(429, send(fw, same));
        if (other != null) {
            assertEquals(200, send(fw, other), "a different " + awsName + " has its own bucket");
        } else {
            assertEquals(429, send(fw, new Req("192.0.2.99", null, "POST", "/elsewhere")), "one bucket for all");
        }
    }

    private static int send(Firewall fw, Req r) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection(r.peer(), 1234, "10.9.9.9", 443);
            tx.processUri(r.method(), r.uri(), "HTTP/1.1");
            if (r.xff() != null) {
                tx.addRequestHeader("X-Forwarded-For", r.xff());
            }
            for (int i = 0; i < r.headers().length; i += 2) {
                tx.addRequestHeader(r.headers()[i], r.headers()[i + 1]);
            }
            int status = tx.processRequestHeaders().map(Interruption::status).orElse(200);
            tx.processLogging();
            return status;
        }
    }

}
