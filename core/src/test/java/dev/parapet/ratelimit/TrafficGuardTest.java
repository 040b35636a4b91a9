package dev.parapet.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.engine.Transaction;
import dev.parapet.ip.ClientIpResolver;
import dev.parapet.ip.IpReputation;
import dev.parapet.store.Ban;
import dev.parapet.store.FailurePolicy;
import dev.parapet.store.LocalStateStore;
import dev.parapet.store.ManualClock;
import dev.parapet.store.FlakyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The guard end to end through a Firewall, with a clock moved by hand. */
class TrafficGuardTest {

    /** A rule that blocks any request with ?attack in it, scoring 5 like a CRS critical rule. */
    private static final String RULES = """
            SecRuleEngine On
            SecRule ARGS_NAMES "@streq attack" "id:1,phase:1,deny,status:403,setvar:tx.blocking_inbound_anomaly_score=+5"
            SecRule ARGS_NAMES "@streq probe" "id:2,phase:1,pass,setvar:tx.blocking_inbound_anomaly_score=+20"
            """;

    private final ManualClock clock = new ManualClock();
    private final LocalStateStore store = LocalStateStore.builder().clock(clock).build();

    private Firewall firewall(TrafficGuard guard) {
        return Firewall.builder().directives("rules", RULES).protection(guard).build();
    }

    private static Optional<Interruption> request(Firewall fw, String peer, String uri, String... headers) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection(peer, 40000, "10.9.9.9", 443);
            tx.processUri("GET", uri, "HTTP/1.1");
            for (int i = 0; i < headers.length; i += 2) {
                tx.addRequestHeader(headers[i], headers[i + 1]);
            }
            Optional<Interruption> i = tx.processRequestHeaders();
            tx.processLogging();
            return i;
        }
    }

    private static int status(Optional<Interruption> i) {
        return i.map(Interruption::status).orElse(200);
    }

    @Test
    void rateLimitThrottlesWith429AndRetryAfterAndRefills() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .limit(RateLimitPolicy.builder("per-ip").limit(3, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, status(request(fw, "198.51.100.1", "/")));
        }
        Interruption t = request(fw, "198.51.100.1", "/").orElseThrow();
        assertEquals(429, t.status());
        assertEquals(20, t.retryAfterSeconds());
        assertEquals("rate-limit:per-ip", t.reason());
        assertEquals(1, t.phase());
        assertEquals(0, t.ruleId());
        assertEquals(200, status(request(fw, "198.51.100.2", "/")), "another client has its own bucket");
        clock.advanceSeconds(20);
        assertEquals(200, status(request(fw, "198.51.100.1", "/")));
        assertEquals(429, status(request(fw, "198.51.100.1", "/")));
        assertEquals(2, guard.stats().throttled());
    }

    @Test
    void spoofedForwardedForDoesNotEscapeTheLimit() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .clientIp(ClientIpResolver.builder().trustedProxies("10.0.0.0/8").build())
                .limit(RateLimitPolicy.builder("per-ip").limit(2, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        // Behind the trusted proxy 10.0.0.1 the real client is 198.51.100.7, whatever it prepends.
        assertEquals(200, status(request(fw, "10.0.0.1", "/", "X-Forwarded-For", "1.1.1.1, 198.51.100.7")));
        assertEquals(200, status(request(fw, "10.0.0.1", "/", "X-Forwarded-For", "2.2.2.2, 198.51.100.7")));
        assertEquals(429, status(request(fw, "10.0.0.1", "/", "X-Forwarded-For", "3.3.3.3, 198.51.100.7")));
        // A client talking directly cannot claim to be someone else.
        assertEquals(200, status(request(fw, "203.0.113.1", "/", "X-Forwarded-For", "198.51.100.7")));
        assertEquals(200, status(request(fw, "10.0.0.1", "/", "X-Forwarded-For", "198.51.100.8")));
    }

    @Test
    void scopeDownAndKeysChooseWhatIsCounted() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .limit(RateLimitPolicy.builder("login")
                        .key(RateKey.of(RateKey.clientIp(), RateKey.queryArgument("user")))
                        .scope(Scope.methods("GET").and(Scope.pathPrefix("/login")))
                        .limit(1, Duration.ofMinutes(1)).build())
                .limit(RateLimitPolicy.builder("api-key")
                        .key(RateKey.header("X-Api-Key"))
                        .limit(2, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        assertEquals(200, status(request(fw, "198.51.100.1", "/login?user=alice")));
        assertEquals(429, status(request(fw, "198.51.100.1", "/login?user=alice")));
        assertEquals(200, status(request(fw, "198.51.100.1", "/login?user=bob")));
        assertEquals(200, status(request(fw, "198.51.100.1", "/login")), "no user argument: not counted");
        assertEquals(200, status(request(fw, "198.51.100.1", "/login")));
        assertEquals(200, status(request(fw, "198.51.100.1", "/other?user=alice")), "out of scope");
        assertEquals(200, status(request(fw, "198.51.100.1", "/x", "X-Api-Key", "k1")));
        assertEquals(200, status(request(fw, "198.51.100.2", "/x", "X-Api-Key", "k1")));
        Interruption t = request(fw, "198.51.100.3", "/x", "x-api-key", "k1").orElseThrow();
        assertEquals("rate-limit:api-key", t.reason());
        assertEquals(200, status(request(fw, "198.51.100.3", "/x", "X-Api-Key", "k2")));
    }

    @Test
    void bansAfterRepeatedBlocksEscalateAndExpire() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .bans(BanPolicy.builder().afterBlocks(3, Duration.ofMinutes(1)).banFor(Duration.ofMinutes(10))
                        .escalate(3, Duration.ofHours(1)).rememberOffensesFor(Duration.ofDays(1)).build())
                .build();
        Firewall fw = firewall(guard);
        String ip = "198.51.100.9";
        assertEquals(403, status(request(fw, ip, "/?attack=1")));
        assertEquals(403, status(request(fw, ip, "/?attack=1")));
        assertEquals(200, status(request(fw, ip, "/")), "two blocks: not banned yet");
        assertEquals(403, status(request(fw, ip, "/?attack=1")));
        Interruption banned = request(fw, ip, "/").orElseThrow();
        assertEquals("ban", banned.reason());
        assertEquals(600, banned.retryAfterSeconds());
        Ban ban = guard.ban("ip:" + ip).orElseThrow();
        assertEquals(1, ban.level());
        assertEquals(List.of(ban), guard.bans());
        assertEquals(200, status(request(fw, "198.51.100.10", "/")), "others are not affected");

        clock.advance(Duration.ofMinutes(10));
        assertEquals(200, status(request(fw, ip, "/")), "the ban ended");
        for (int i = 0; i < 3; i++) {
            request(fw, ip, "/?attack=1");
        }
        assertEquals(1800, request(fw, ip, "/").orElseThrow().retryAfterSeconds(), "second ban: 3 x 10 min");
        clock.advance(Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            request(fw, ip, "/?attack=1");
        }
        assertEquals(3600, request(fw, ip, "/").orElseThrow().retryAfterSeconds(), "capped at one hour");
        assertEquals(3, guard.stats().bansIssued());

        assertTrue(guard.unbanIp(ip));
        assertFalse(guard.unbanIp(ip));
        assertEquals(200, status(request(fw, ip, "/")));
    }

    @Test
    void blocksOutsideTheWindowDoNotAddUp() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .bans(BanPolicy.builder().afterBlocks(2, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        request(fw, "198.51.100.9", "/?attack=1");
        clock.advanceSeconds(60);
        request(fw, "198.51.100.9", "/?attack=1");
        assertEquals(200, status(request(fw, "198.51.100.9", "/")));
        clock.advanceSeconds(59);
        request(fw, "198.51.100.9", "/?attack=1");
        assertEquals("ban", request(fw, "198.51.100.9", "/").orElseThrow().reason());
    }

    @Test
    void cumulativeAnomalyScoreBans() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .bans(BanPolicy.builder().afterAnomalyScore(50, Duration.ofMinutes(5)).build())
                .build();
        Firewall fw = firewall(guard);
        request(fw, "198.51.100.9", "/?probe=1");
        request(fw, "198.51.100.9", "/?probe=1");
        assertEquals(200, status(request(fw, "198.51.100.9", "/?probe=1")), "60 points: banned after this one");
        assertEquals("ban", request(fw, "198.51.100.9", "/").orElseThrow().reason());
        assertTrue(guard.ban("ip:198.51.100.9").orElseThrow().reason().contains("anomaly score 60"));
    }

    @Test
    void throttlesCountTowardsBansUnlessToldOtherwise() {
        for (boolean count : new boolean[] {true, false}) {
            LocalStateStore s = LocalStateStore.builder().clock(clock).build();
            TrafficGuard guard = TrafficGuard.builder().clock(clock).store(s)
                    .limit(RateLimitPolicy.builder("tight").limit(1, Duration.ofMinutes(1)).build())
                    .bans(BanPolicy.builder().afterBlocks(2, Duration.ofMinutes(1)).countThrottled(count).build())
                    .build();
            Firewall fw = firewall(guard);
            request(fw, "198.51.100.9", "/");
            request(fw, "198.51.100.9", "/");
            request(fw, "198.51.100.9", "/");
            assertEquals(count ? "ban" : "rate-limit:tight", request(fw, "198.51.100.9", "/").orElseThrow().reason());
        }
    }

    @Test
    void denyListComesFirstAndAllowListSkipsBansAndLimits() {
        IpReputation reputation = IpReputation.builder()
                .deny("203.0.113.0/24")
                .allow("203.0.113.7", "192.0.2.0/24")
                .build();
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store).reputation(reputation)
                .limit(RateLimitPolicy.builder("one").limit(1, Duration.ofHours(1)).build())
                .build();
        guard.banIp("192.0.2.5", Duration.ofHours(1), "by hand");
        guard.banIp("198.51.100.5", Duration.ofHours(1), "by hand");
        Firewall fw = firewall(guard);
        Interruption denied = request(fw, "203.0.113.1", "/").orElseThrow();
        assertEquals(403, denied.status());
        assertEquals("ip-deny-list", denied.reason());
        assertEquals(200, status(request(fw, "203.0.113.7", "/")), "more specific allow entry");
        assertEquals(200, status(request(fw, "203.0.113.7", "/")), "allowed: no rate limit");
        assertEquals(200, status(request(fw, "192.0.2.5", "/")), "allowed: ban ignored");
        assertEquals(403, status(request(fw, "192.0.2.5", "/?attack=1")), "allowed clients still meet the rules");
        assertEquals("ban", request(fw, "198.51.100.5", "/").orElseThrow().reason(), "ban before rate limit");
        assertEquals(1, guard.stats().denyListed());
        assertEquals(0, guard.stats().throttled());
    }

    @Test
    void detectionOnlyDoesNotEnforceAndOffDoesNotCount() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .limit(RateLimitPolicy.builder("one").limit(1, Duration.ofHours(1)).build())
                .build();
        Firewall detect = Firewall.builder().directives("rules", RULES).mode(RuleEngineMode.DETECTION_ONLY)
                .protection(guard).build();
        assertEquals(200, status(request(detect, "198.51.100.1", "/")));
        assertEquals(200, status(request(detect, "198.51.100.1", "/")));
        assertEquals(1, guard.stats().throttled(), "counted, not enforced");
        Firewall off = Firewall.builder().directives("rules", RULES).mode(RuleEngineMode.OFF)
                .protection(guard).build();
        assertEquals(200, status(request(off, "198.51.100.2", "/")));
        assertEquals(200, status(request(off, "198.51.100.2", "/")));
        assertEquals(1, guard.stats().throttled());
    }

    @Test
    void storeFailurePolicies() {
        FlakyStore flaky = new FlakyStore(store);
        AtomicBoolean down = flaky.down;
        for (FailurePolicy policy : FailurePolicy.values()) {
            TrafficGuard guard = TrafficGuard.builder().clock(clock).store(flaky).onStoreFailure(policy)
                    .limit(RateLimitPolicy.builder("one").limit(1, Duration.ofHours(1)).build())
                    .build();
            Firewall fw = firewall(guard);
            down.set(true);
            Optional<Interruption> i = request(fw, "198.51.100." + policy.ordinal(), "/");
            if (policy == FailurePolicy.FAIL_OPEN) {
                assertEquals(200, status(i));
                assertEquals(1, guard.stats().failedOpen());
            } else {
                assertEquals(503, status(i));
                assertEquals("store-unavailable", i.orElseThrow().reason());
                assertEquals(1, i.orElseThrow().retryAfterSeconds());
                assertEquals(1, guard.stats().failedClosed());
            }
            assertEquals(1, guard.stats().storeFailures());
            down.set(false);
            assertEquals(200, status(request(fw, "198.51.100." + policy.ordinal(), "/")));
            assertEquals(429, status(request(fw, "198.51.100." + policy.ordinal(), "/")), "recovered");
        }
    }

    @Test
    void manualBansWithoutABanPolicy() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store).build();
        Firewall fw = firewall(guard);
        guard.banIp("::ffff:198.51.100.4", Duration.ofMinutes(1), "by hand");
        assertEquals("ban", request(fw, "198.51.100.4", "/").orElseThrow().reason());
        assertEquals("ip:198.51.100.4", guard.bans().get(0).key());
        clock.advanceSeconds(60);
        assertEquals(200, status(request(fw, "198.51.100.4", "/")));
        assertTrue(guard.bans().isEmpty());
    }

    @Test
    void principalKeyCountsPerAuthenticatedUser() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .limit(RateLimitPolicy.builder("per-user").key(RateKey.principal()).limit(1, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        int[] statuses = new int[4];
        String[] users = {"alice", "alice", "bob", null};
        for (int i = 0; i < users.length; i++) {
            try (Transaction tx = fw.newTransaction()) {
                tx.processConnection("198.51.100." + i, 1, "10.0.0.1", 443);
                tx.processUri("GET", "/account", "HTTP/1.1");
                tx.setRemoteUser(users[i]);
                statuses[i] = status(tx.processRequestHeaders());
            }
        }
        assertEquals(List.of(200, 429, 200, 200), java.util.Arrays.stream(statuses).boxed().toList(),
                "alice twice from different addresses is throttled; anonymous requests are not counted");
    }

    @Test
    void ipv6ClientsCanBeCountedPerNetwork() {
        TrafficGuard guard = TrafficGuard.builder().clock(clock).store(store)
                .limit(RateLimitPolicy.builder("net").key(RateKey.clientNetwork(24, 64))
                        .limit(2, Duration.ofMinutes(1)).build())
                .build();
        Firewall fw = firewall(guard);
        assertEquals(200, status(request(fw, "2001:db8:1:2::1", "/")));
        assertEquals(200, status(request(fw, "2001:db8:1:2::ffff", "/")));
        assertEquals(429, status(request(fw, "2001:db8:1:2:abcd::9", "/")));
        assertEquals(200, status(request(fw, "2001:db8:1:3::1", "/")));
    }

    @Test
    void keysHideSecretsAndKeepComponentsApart() {
        GuardedRequest r = new GuardedRequest(new FakeRequest(Map.of("authorization", "Bearer secret"),
                Map.of("a", "x|y"), Map.of("b", "z")), null);
        String auth = RateKey.header("Authorization").valueOf(r);
        assertTrue(auth.startsWith("#") && !auth.contains("secret"), auth);
        String combined = RateKey.of(RateKey.method(), RateKey.path()).valueOf(r);
        assertEquals("3:GET|6:/login|", combined);
        assertEquals(null, RateKey.of(RateKey.method(), RateKey.principal()).valueOf(r), "missing component");
        assertEquals(null, RateKey.clientIp().valueOf(r));
    }

    /** A minimal request for key tests. */
    record FakeRequest(Map<String, String> headers, Map<String, String> cookies, Map<String, String> args)
            implements dev.parapet.engine.ClientRequest {
        @Override
        public String transactionId() {
            return "t";
        }

        @Override
        public String remoteAddress() {
            return "";
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String uri() {
            return "/login";
        }

        @Override
        public String path() {
            return "/login";
        }

        @Override
        public String queryString() {
            return null;
        }

        @Override
        public List<String> headers(String name) {
            String v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null ? List.of() : List.of(v);
        }

        @Override
        public String cookie(String name) {
            return cookies.get(name);
        }

        @Override
        public String queryArgument(String name) {
            return args.get(name);
        }

        @Override
        public String remoteUser() {
            return null;
        }
    }
}
