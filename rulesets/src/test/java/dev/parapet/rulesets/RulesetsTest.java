package dev.parapet.rulesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.EngineSettings;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.rulesets.CorpusRequest.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-call API, the engine profile, the tuning profiles and the exclusion files. */
class RulesetsTest {

    private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Firewall DEFAULT = Rulesets.parapet().build();

    private static Result get(Firewall firewall, String uri) {
        return CorpusRequest.of("GET", uri, Map.of(), null).run(firewall);
    }

    private static boolean blocked(Result r) {
        return r.interruption().isPresent();
    }

    private static boolean logged(Result r, int id) {
        return r.logged().stream().anyMatch(m -> m.id() == id);
    }

    @Test
    void defaultRulesUseParapetsOwnIdRange() {
        List<Integer> ids = DEFAULT.ruleIds();
        assertTrue(ids.size() > 100, "rules loaded: " + ids.size());
        assertTrue(ids.stream().allMatch(id -> id >= 440_000 && id <= 449_999), ids.toString());
        assertTrue(DEFAULT.componentSignatures().contains("PARAPET/0.1.0"));
    }

    @Test
    void engineProfileSettings() {
        EngineSettings s = DEFAULT.settings();
        assertEquals(RuleEngineMode.ON, s.ruleEngine());
        assertTrue(s.requestBodyAccess());
        assertEquals(13_107_200, s.requestBodyLimit());
        assertEquals(131_072, s.requestBodyNoFilesLimit());
        assertEquals(128, s.requestBodyJsonDepthLimit());
        assertEquals(1000, s.argumentsLimit());
        assertFalse(s.responseBodyAccess());
    }

    @Test
    void seclangIncludeLoadsTheSameRules() {
        Firewall included = Firewall.builder()
                .directives("app", "Include classpath:dev/parapet/rulesets/parapet.conf\n")
                .build();
        assertEquals(DEFAULT.ruleIds(), included.ruleIds());
        assertEquals(DEFAULT.ruleIds(), Rulesets.applyTo(Firewall.builder()).build().ruleIds());
    }

    @Test
    void directivesAfterTheBundledRulesTuneThem() {
        Firewall tuned = Rulesets.parapet().directives("tuning", "SecRuleRemoveById 441500-441599").build();
        assertTrue(blocked(get(DEFAULT, "/items?id=1%27+or+%271%27%3D%271")));
        assertFalse(blocked(get(tuned, "/items?id=1%27+or+%271%27%3D%271")));
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("invalid JSON", JSON, "{\"a\": [1, 2", 400, 440002),
                Arguments.of("JSON nested deeper than 128", JSON, "[".repeat(200) + "]".repeat(200), 400, 440002),
                Arguments.of("+json type is parsed as JSON", Map.of("Content-Type", "application/vnd.api+json"),
                        "{\"data\": {\"attributes\": {\"q\": \"1' or '1'='1\"}}}", 403, 441520),
                Arguments.of("malformed XML", Map.of("Content-Type", "application/xml"), "<a><b></a>", 400, 440002),
                Arguments.of("multipart with data before the first boundary",
                        Map.of("Content-Type", "multipart/form-data; boundary=XyZ"),
                        "junk\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--\r\n", 400, 440003),
                Arguments.of("Java serialized object as an octet stream",
                        Map.of("Content-Type", "application/octet-stream"), "\u00ac\u00ed\u0000\u0005sr\u0000", 403,
                        441620));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void engineProfileRefusesWhatItCannotInspect(String name, Map<String, String> headers, String body, int status,
            int rule) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        CorpusRequest base = CorpusRequest.of("POST", "/api/x", h, "");
        Map<String, String> all = new java.util.LinkedHashMap<>(base.headers());
        all.put("Content-Length", Integer.toString(bytes.length));
        Result r = new CorpusRequest(name, "POST", "/api/x", all, bytes).run(DEFAULT);
        assertEquals(status, r.interruption().map(i -> i.status()).orElse(200), r.describe());
        assertTrue(logged(r, rule), r.describe());
    }

    @Test
    void detectionOnlyProfileLogsButDoesNotBlock() {
        Firewall fw = Rulesets.builder().profile(Rulesets.Profile.DETECTION_ONLY).build();
        assertEquals(RuleEngineMode.DETECTION_ONLY, fw.settings().ruleEngine());
        Result attack = get(fw, "/items?id=1%27+or+%271%27%3D%271");
        assertFalse(blocked(attack), attack.describe());
        assertTrue(logged(attack, 441520) && logged(attack, 441910), attack.describe());
        // Paranoia level 2 rules run for the record.
        assertTrue(logged(get(fw, "/search?q=select+name+from+users"), 441550));
        assertFalse(logged(get(DEFAULT, "/search?q=select+name+from+users"), 441550));
    }

    @Test
    void jsonApiProfile() {
        Firewall fw = Rulesets.builder().profile(Rulesets.Profile.JSON_API).build();
        Result form = CorpusRequest.of("POST", "/api/orders", FORM, "a=1").run(fw);
        assertEquals(415, form.interruption().orElseThrow().status(), form.describe());
        Result untyped = CorpusRequest.of("POST", "/api/orders", Map.of(), "not json").run(fw);
        assertEquals(400, untyped.interruption().orElseThrow().status(), untyped.describe());
        Result untypedAttack = CorpusRequest.of("POST", "/api/orders", Map.of(), "{\"q\": \"${jndi:ldap://x/a}\"}")
                .run(fw);
        assertTrue(logged(untypedAttack, 441600), untypedAttack.describe());
        assertFalse(blocked(CorpusRequest.of("POST", "/api/orders", JSON, "{\"sku\": \"A-1\", \"qty\": 2}").run(fw)));
        assertFalse(blocked(get(fw, "/api/orders?page=2")));
        assertEquals(32, fw.settings().requestBodyJsonDepthLimit());
    }

    @Test
    void strictProfileBlocksAtParanoiaLevelTwoAndEarly() {
        Firewall fw = Rulesets.builder().profile(Rulesets.Profile.STRICT).build();
        String prose = "/search?q=Tom;+cat+lovers";
        assertFalse(blocked(get(DEFAULT, prose)));
        assertTrue(blocked(get(fw, prose)));
        Result scanner = CorpusRequest.of("GET", "/", Map.of("User-Agent", "sqlmap/1.7"), null).run(fw);
        assertEquals(1, scanner.interruption().orElseThrow().phase(), "early blocking in phase 1");
        assertEquals(441911, scanner.interruption().orElseThrow().ruleId());
        assertEquals(2, CorpusRequest.of("GET", "/", Map.of("User-Agent", "sqlmap/1.7"), null).run(DEFAULT)
                .interruption().orElseThrow().phase());
    }

    record ExclusionCase(String name, Rulesets.Exclusions exclusion, CorpusRequest request, String client,
            boolean stillBlocked) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ExclusionCase> exclusions() {
        String env = "{\"name\": \"spring.datasource.url\", \"value\": \"${DB_URL:${FALLBACK_DB_URL}}\"}";
        String oidc = "/realms/demo/protocol/openid-connect/auth?client_id=web&response_type=code"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback&scope=openid";
        String client = "{\"clientId\": \"web\", \"rootUrl\": \"http://10.0.0.12:8080\","
                + " \"redirectUris\": [\"http://localhost:3000/*\"]}";
        String graphql = "{\"query\": \"{ orders(filter: \\\"status = 'open' or priority > 2\\\") { id } }\"}";
        String graphqlVars = "{\"query\": \"query($q: String) { search(q: $q) { id } }\","
                + " \"variables\": {\"q\": \"1' or '1'='1\"}}";
        return Stream.of(
                new ExclusionCase("actuator env from the management network", Rulesets.Exclusions.SPRING_BOOT_ACTUATOR,
                        CorpusRequest.of("POST", "/actuator/env", JSON, env), "10.1.2.3", false),
                new ExclusionCase("actuator env from the internet", Rulesets.Exclusions.SPRING_BOOT_ACTUATOR,
                        CorpusRequest.of("POST", "/actuator/env", JSON, env), "203.0.113.7", true),
                new ExclusionCase("login password", Rulesets.Exclusions.SPRING_SECURITY_LOGIN,
                        CorpusRequest.of("POST", "/login", FORM, "username=bob&password=x%27+or+%271%27%3D%271"),
                        "203.0.113.7", false),
                new ExclusionCase("login username stays inspected", Rulesets.Exclusions.SPRING_SECURITY_LOGIN,
                        CorpusRequest.of("POST", "/login", FORM, "username=x%27+or+%271%27%3D%271&password=a"),
                        "203.0.113.7", true),
                new ExclusionCase("keycloak redirect_uri to localhost", Rulesets.Exclusions.KEYCLOAK,
                        CorpusRequest.of("GET", oidc, Map.of(), null), "203.0.113.7", false),
                new ExclusionCase("keycloak admin client URLs", Rulesets.Exclusions.KEYCLOAK,
                        CorpusRequest.of("PUT", "/admin/realms/demo/clients/42", JSON, client), "10.1.2.3", false),
                new ExclusionCase("graphql filter string in the query", Rulesets.Exclusions.GRAPHQL,
                        CorpusRequest.of("POST", "/graphql", JSON, graphql), "203.0.113.7", false),
                new ExclusionCase("graphql variables stay inspected", Rulesets.Exclusions.GRAPHQL,
                        CorpusRequest.of("POST", "/graphql", JSON, graphqlVars), "203.0.113.7", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exclusions")
    void exclusionsRemoveExactlyTheirFalsePositives(ExclusionCase c) {
        Result without = c.request().run(DEFAULT, c.client());
        assertTrue(blocked(without), "the default profile must block it first: " + without.describe());
        Firewall excluded = Rulesets.builder().exclusions(c.exclusion()).build();
        Result with = c.request().run(excluded, c.client());
        assertEquals(c.stillBlocked(), blocked(with), with.describe());
    }

    @Test
    void crsDirectoryMustBeComplete(@TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rulesets.builder().crs(empty).applyTo(Firewall.builder()));
        assertTrue(e.getMessage().contains("rules/"), e.getMessage());
    }
}
