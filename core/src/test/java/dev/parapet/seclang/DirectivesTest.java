package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.engine.BodyLimitAction;
import dev.parapet.engine.EngineSettings;
import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.RuleEngineMode;
import dev.parapet.engine.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every directive the compiler accepts, what it changes, and how each malformed form is reported:
 * a {@link SecLangException} with the source name, the directive's first line and the offending token.
 */
class DirectivesTest {

    @TempDir
    Path dir;

    private static Firewall build(String text) {
        return Firewall.builder().directives("t", text).build();
    }

    private static EngineSettings settings(String text) {
        return build(text).settings();
    }

    /** Runs phases 1 and 2 of a GET and returns the matched rule ids. */
    private static List<Integer> matches(Firewall fw, String uri, String... headers) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processConnection("192.0.2.1", 50000, "192.0.2.2", 80);
            tx.processUri("GET", uri, "HTTP/1.1");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                tx.addRequestHeader(headers[i], headers[i + 1]);
            }
            tx.processRequestHeaders();
            tx.processRequestBody();
            return tx.matchedRules().stream().map(MatchedRule::id).toList();
        }
    }

    private static Optional<Interruption> interruption(Firewall fw, String uri) {
        try (Transaction tx = fw.newTransaction()) {
            tx.processUri("GET", uri, "HTTP/1.1");
            tx.processRequestHeaders();
            return tx.processRequestBody();
        }
    }

    // ---- engine settings -----------------------------------------------------------------------

    static Stream<Arguments> settingsCases() {
        return Stream.<Arguments>of(
                Arguments.of("SecRuleEngine On", (Function<EngineSettings, Object>) EngineSettings::ruleEngine, RuleEngineMode.ON),
                Arguments.of("SecRuleEngine off", (Function<EngineSettings, Object>) EngineSettings::ruleEngine, RuleEngineMode.OFF),
                Arguments.of("SecRuleEngine DetectionOnly", (Function<EngineSettings, Object>) EngineSettings::ruleEngine, RuleEngineMode.DETECTION_ONLY),
                Arguments.of("SecRuleEngine \"detectiononly\"", (Function<EngineSettings, Object>) EngineSettings::ruleEngine, RuleEngineMode.DETECTION_ONLY),
                Arguments.of("SecRequestBodyAccess Off", (Function<EngineSettings, Object>) EngineSettings::requestBodyAccess, false),
                Arguments.of("SecRequestBodyAccess On", (Function<EngineSettings, Object>) EngineSettings::requestBodyAccess, true),
                Arguments.of("SecRequestBodyLimit 1000", (Function<EngineSettings, Object>) EngineSettings::requestBodyLimit, 1000L),
                Arguments.of("SecRequestBodyNoFilesLimit 64", (Function<EngineSettings, Object>) EngineSettings::requestBodyNoFilesLimit, 64L),
                Arguments.of("SecRequestBodyLimitAction ProcessPartial", (Function<EngineSettings, Object>) EngineSettings::requestBodyLimitAction, BodyLimitAction.PROCESS_PARTIAL),
                Arguments.of("SecRequestBodyLimitAction reject", (Function<EngineSettings, Object>) EngineSettings::requestBodyLimitAction, BodyLimitAction.REJECT),
                Arguments.of("SecRequestBodyJsonDepthLimit 7", (Function<EngineSettings, Object>) EngineSettings::requestBodyJsonDepthLimit, 7),
                Arguments.of("SecArgumentsLimit 33", (Function<EngineSettings, Object>) EngineSettings::argumentsLimit, 33),
                Arguments.of("SecResponseBodyAccess Off", (Function<EngineSettings, Object>) EngineSettings::responseBodyAccess, false),
                Arguments.of("SecResponseBodyLimit 4096", (Function<EngineSettings, Object>) EngineSettings::responseBodyLimit, 4096L),
                Arguments.of("SecResponseBodyLimitAction Reject", (Function<EngineSettings, Object>) EngineSettings::responseBodyLimitAction, BodyLimitAction.REJECT),
                Arguments.of("SecResponseBodyMimeTypesClear", (Function<EngineSettings, Object>) EngineSettings::responseBodyMimeTypes, Set.of()),
                Arguments.of("SecResponseBodyMimeTypesClear\nSecResponseBodyMimeType \"application/JSON  text/csv\"",
                        (Function<EngineSettings, Object>) EngineSettings::responseBodyMimeTypes, Set.of("application/json", "text/csv")),
                Arguments.of("SecResponseBodyMimeTypesClear\nSecResponseBodyMimeType text/a text/b\nSecResponseBodyMimeType text/c",
                        (Function<EngineSettings, Object>) EngineSettings::responseBodyMimeTypes, Set.of("text/a", "text/b", "text/c")),
                Arguments.of("SecAuditEngine On", (Function<EngineSettings, Object>) EngineSettings::auditEngine, "On"),
                Arguments.of("SecAuditEngine relevantonly", (Function<EngineSettings, Object>) EngineSettings::auditEngine, "RelevantOnly"),
                Arguments.of("SecAuditEngine OFF", (Function<EngineSettings, Object>) EngineSettings::auditEngine, "Off"),
                Arguments.of("SecAuditLogParts ABZ", (Function<EngineSettings, Object>) EngineSettings::auditLogParts, "ABZ"),
                // the last value wins
                Arguments.of("SecRequestBodyLimit 10\nSecRequestBodyLimit 20", (Function<EngineSettings, Object>) EngineSettings::requestBodyLimit, 20L));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("settingsCases")
    void engineSettingDirectives(String directive, Function<EngineSettings, Object> property, Object expected) {
        assertEquals(expected, property.apply(settings(directive)));
    }

    @Test
    void defaultsAreModSecurityRecommended() {
        EngineSettings s = settings("");
        assertEquals(EngineSettings.defaults(), s);
        assertEquals(RuleEngineMode.ON, s.ruleEngine());
        assertEquals(13_107_200, s.requestBodyLimit());
        assertEquals(131_072, s.requestBodyNoFilesLimit());
        assertTrue(s.requestBodyAccess());
    }

    @Test
    void modeOverrideWinsOverSecRuleEngine() {
        Firewall fw = Firewall.builder().directives("t", "SecRuleEngine On").mode(RuleEngineMode.DETECTION_ONLY).build();
        assertEquals(RuleEngineMode.DETECTION_ONLY, fw.settings().ruleEngine());
    }

    @Test
    void componentSignaturesAreKeptInOrder() {
        Firewall fw = build("SecComponentSignature \"OWASP_CRS/4.28.0\"\nSecComponentSignature plugin/1.0");
        assertEquals(List.of("OWASP_CRS/4.28.0", "plugin/1.0"), fw.componentSignatures());
    }

    /** Host, file and log directives an embedded engine does not own; accepted so shared configurations load. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SecAuditLog /var/log/modsec_audit.log", "SecAuditLog2 /tmp/x", "SecAuditLogType Serial",
        "SecAuditLogFormat JSON", "SecAuditLogRelevantStatus \"^(?:5|4(?!04))\"", "SecAuditLogStorageDir /tmp",
        "SecAuditLogDirMode 0777", "SecAuditLogFileMode 0640", "SecDebugLog /tmp/debug.log", "SecDebugLogLevel 3",
        "SecTmpDir /tmp", "SecDataDir /tmp", "SecUploadDir /tmp", "SecUploadKeepFiles Off",
        "SecUploadFileMode 0600", "SecUploadFileLimit 10", "SecCollectionTimeout 600", "SecPcreMatchLimit 1000",
        "SecPcreMatchLimitRecursion 1000", "SecUnicodeMapFile unicode.mapping 20127", "SecStatusEngine On",
        "SecServerSignature Apache", "SecWebAppId app", "SecCookieFormat 0", "SecArgumentSeparator &",
        "SecTmpSaveRequestBody Off", "SecRequestBodyProcessor JSON", "SecGeoLookupDb /x.dat", "SecHttpBlKey abc",
        "SecConnEngine Off", "SecInterceptOnError On", "SecSensorId s1", "SecCacheTransformations On",
        "SecRequestBodyInMemoryLimit 131072"})
    void acceptsDirectivesWithoutEmbeddedMeaning(String directive) {
        Firewall fw = build(directive);
        assertEquals(0, fw.ruleCount());
        assertEquals(EngineSettings.defaults(), fw.settings());
    }

    @Test
    void directiveNamesAreCaseInsensitive() {
        Firewall fw = build("secruleengine Off\nSECRULE ARGS \"@rx a\" \"id:1\"\nsecaction \"id:2\"\nsecmarker M");
        assertEquals(RuleEngineMode.OFF, fw.settings().ruleEngine());
        assertEquals(List.of(1, 2), fw.ruleIds());
    }

    // ---- rules, markers, default actions -------------------------------------------------------

    @Test
    void rulesAndActionsAreCountedAndChainLinksAreNot() {
        Firewall fw = build("""
                SecAction "id:1,phase:1,pass,nolog"
                SecRule ARGS "@rx a" "id:2,phase:2,chain"
                    SecRule ARGS "@rx b" "chain"
                    SecRule ARGS "@rx c" ""
                SecMarker END
                SecRule ARGS "b" "id:3,phase:1"
                """);
        assertEquals(3, fw.ruleCount());
        // phase order
        assertEquals(List.of(1, 3, 2), fw.ruleIds());
    }

    @Test
    void secDefaultActionAppliesToLaterRulesOfItsPhaseOnly() {
        Firewall fw = build("""
                SecRule ARGS "@rx x" "id:1,phase:2,block"
                SecDefaultAction "phase:2,log,auditlog,deny,status:402"
                SecDefaultAction "phase:1,log,auditlog,pass"
                SecRule ARGS "@rx y" "id:2,phase:2,block"
                SecRule ARGS "@rx z" "id:3,phase:2"
                SecRule ARGS "@rx w" "id:4,phase:1,block"
                SecRule ARGS "@rx v" "id:5,phase:2,pass"
                """);
        assertEquals(402, interruption(fw, "/?a=y").orElseThrow().status());
        assertEquals(2, interruption(fw, "/?a=y").orElseThrow().ruleId());
        assertEquals(3, interruption(fw, "/?a=z").orElseThrow().ruleId(), "a rule without a disruptive action inherits deny");
        assertEquals(Optional.empty(), interruption(fw, "/?a=w"), "phase 1 default is pass");
        assertEquals(Optional.empty(), interruption(fw, "/?a=v"), "an explicit pass overrides the default");
        assertEquals(Optional.empty(), interruption(fw, "/?a=x"),
                "block written before the SecDefaultAction means the default in force there (pass)");
    }

    @Test
    void secDefaultActionTransformationsAreInheritedAndTNoneClearsThem() {
        Firewall fw = build("""
                SecDefaultAction "phase:2,pass,t:lowercase"
                SecRule ARGS:a "@streq abc" "id:1"
                SecRule ARGS:a "@streq abc" "id:2,t:none"
                SecRule ARGS:a "@rx ^x" "id:3,chain"
                    SecRule ARGS:b "@streq abc" ""
                """);
        assertEquals(List.of(1), matches(fw, "/?a=ABC"));
        assertEquals(List.of(1, 2), matches(fw, "/?a=abc"));
        assertEquals(List.of(3), matches(fw, "/?a=x&b=ABC"), "chain links inherit the default transformations");
    }

    // ---- exclusions and updates ----------------------------------------------------------------

    private static final String TEN_RULES;

    static {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            b.append("SecRule ARGS \"@rx x\" \"id:").append(i).append(",phase:1,pass,tag:'t").append(i % 2 == 0 ? "even" : "odd")
                    .append("',tag:'attack-").append(i).append("',msg:'Rule number ").append(i).append("'\"\n");
        }
        TEN_RULES = b.toString();
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("SecRuleRemoveById 3", List.of(1, 2, 4, 5, 6, 7, 8, 9, 10)),
                Arguments.of("SecRuleRemoveById 2-4 7", List.of(1, 5, 6, 8, 9, 10)),
                Arguments.of("SecRuleRemoveById 1,10", List.of(2, 3, 4, 5, 6, 7, 8, 9)),
                Arguments.of("SecRuleRemoveById \"5-6\" 9", List.of(1, 2, 3, 4, 7, 8, 10)),
                Arguments.of("SecRuleRemoveById 100-200", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
                Arguments.of("SecRuleRemoveByTag teven", List.of(1, 3, 5, 7, 9)),
                Arguments.of("SecRuleRemoveByTag ^attack-1$", List.of(2, 3, 4, 5, 6, 7, 8, 9, 10)),
                Arguments.of("SecRuleRemoveByTag attack-1", List.of(2, 3, 4, 5, 6, 7, 8, 9)),
                Arguments.of("SecRuleRemoveByMsg \"number [1-3]$\"", List.of(4, 5, 6, 7, 8, 9, 10)),
                Arguments.of("SecRuleRemoveByMsg nothing-like-this", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("removals")
    void removalDirectivesRemoveEarlierRules(String directive, List<Integer> remaining) {
        Firewall fw = build(TEN_RULES + directive);
        assertEquals(remaining, fw.ruleIds());
        assertEquals(remaining, matches(fw, "/?a=x"));
    }

    @Test
    void removalDoesNotAffectRulesLoadedAfterIt() {
        Firewall fw = build("SecRuleRemoveById 1\nSecRule ARGS \"@rx x\" \"id:1,phase:1,pass\"");
        assertEquals(List.of(1), fw.ruleIds());
    }

    @Test
    void removingAChainStarterRemovesTheWholeChain() {
        Firewall fw = build("""
                SecRule ARGS "@rx x" "id:1,phase:1,pass,chain"
                    SecRule ARGS "@rx x" ""
                SecRule ARGS "@rx x" "id:2,phase:1,pass"
                SecRuleRemoveById 1
                """);
        assertEquals(List.of(2), fw.ruleIds());
        assertEquals(List.of(2), matches(fw, "/?a=x"));
    }

    @Test
    void updateTargetByIdAddsTargetsAndExclusions() {
        String rules = """
                SecRule REQUEST_HEADERS:X-A "@rx bad" "id:1,phase:1,pass"
                SecRule ARGS "@rx bad" "id:2,phase:1,pass"
                SecRule ARGS "@rx bad" "id:3,phase:1,pass"
                """;
        Firewall fw = build(rules + "SecRuleUpdateTargetById 1 ARGS:q\nSecRuleUpdateTargetById 2-3 !ARGS:/^safe_/");
        assertEquals(List.of(1, 2, 3), matches(fw, "/?q=bad"));
        assertEquals(List.of(2, 3), matches(fw, "/?other=bad"));
        assertEquals(List.of(), matches(fw, "/?safe_x=bad&SAFE_y=bad"), "regex selectors ignore case");
        assertEquals(List.of(1), matches(fw, "/", "x-a", "bad"));
    }

    @Test
    void updateTargetByIdWithReplacedTarget() {
        Firewall fw = build("""
                SecRule ARGS|REQUEST_HEADERS:X-A "@rx bad" "id:1,phase:1,pass"
                SecRuleUpdateTargetById 1 ARGS_NAMES ARGS
                """);
        assertEquals(List.of(), matches(fw, "/?q=bad"), "ARGS was replaced");
        assertEquals(List.of(1), matches(fw, "/?bad=1"));
        assertEquals(List.of(1), matches(fw, "/", "X-A", "bad"));
    }

    @Test
    void updateTargetByTagAndByMsg() {
        Firewall fw = build(TEN_RULES + "SecRuleUpdateTargetByTag teven !ARGS:a\nSecRuleUpdateTargetByMsg \"number 1$\" !ARGS:a");
        assertEquals(List.of(3, 5, 7, 9), matches(fw, "/?a=x"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), matches(fw, "/?b=x"));
    }

    @Test
    void updateActionByIdReplacesDisruptiveAndAddsActions() {
        Firewall fw = build("""
                SecRule ARGS "@rx x" "id:1,phase:1,pass,msg:'old'"
                SecRule ARGS "@rx y" "id:2,phase:1,deny"
                SecRuleUpdateActionById 1 "deny,status:409,msg:'new'"
                SecRuleUpdateActionById 2 pass
                """);
        Interruption i = interruption(fw, "/?a=x").orElseThrow();
        assertEquals(1, i.ruleId());
        assertEquals(409, i.status());
        assertEquals(Optional.empty(), interruption(fw, "/?a=y"));
        try (Transaction tx = fw.newTransaction()) {
            tx.processUri("GET", "/?a=x", "HTTP/1.1");
            tx.processRequestHeaders();
            assertEquals("new", tx.matchedRules().get(0).message());
        }
    }

    @Test
    void updateActionByIdRangeAndSetvar() {
        Firewall fw = build(TEN_RULES + "SecRuleUpdateActionById 2-3 \"setvar:tx.hits=+1\"");
        try (Transaction tx = fw.newTransaction()) {
            tx.processUri("GET", "/?a=x", "HTTP/1.1");
            tx.processRequestHeaders();
            assertEquals("2", tx.tx("hits"));
        }
    }

    @Test
    void pmFromFileReadsDataRelativeToTheRuleFile() throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/words.data"), "# comment\n\nevil\nwicked\n");
        Files.writeString(dir.resolve("rules/r.conf"), "SecRule ARGS \"@pmFromFile words.data\" \"id:1,phase:1,pass\"\n");
        Firewall fw = Firewall.builder().directives("main", "Include rules/r.conf", dir).build();
        assertEquals(List.of(1), matches(fw, "/?a=so+wicked"));
        assertEquals(List.of(), matches(fw, "/?a=comment"));
        Firewall viaFile = Firewall.builder().file(dir.resolve("rules/r.conf")).build();
        assertEquals(List.of(1), matches(viaFile, "/?a=evil"));
    }

    // ---- errors --------------------------------------------------------------------------------

    static Stream<Arguments> errors() {
        return Stream.of(
                // unknown names
                Arguments.of("SecFooBar On", "unknown directive", "SecFooBar"),
                Arguments.of("SecRule ARGS \"@nope x\" \"id:1\"", "unknown operator", "@nope"),
                Arguments.of("SecRule ARGS \"@rx x\" \"id:1,frobnicate:2\"", "unknown action", "frobnicate"),
                Arguments.of("SecRule NOPE \"@rx x\" \"id:1\"", "unknown variable", "NOPE"),
                Arguments.of("SecRule ARGS|REQUEST_HEADRES \"@rx x\" \"id:1\"", "unknown variable", "REQUEST_HEADRES"),
                Arguments.of("SecRule ARGS \"@rx x\" \"id:1,t:lowercase,t:nope\"", "unknown transformation", "t:nope"),
                Arguments.of("SecRule ARGS \"@rx x\" \"id:1,ctl:nope=1\"", "unknown ctl option", "nope"),
                Arguments.of("SecRule ARGS \"@rx x\" \"id:1,severity:HUGE\"", "unknown severity", "HUGE"),
                // malformed values
                Arguments.of("SecRequestBodyAccess Maybe", "On or Off", "Maybe"),
                Arguments.of("SecResponseBodyAccess 1", "On or Off", "'1'"),
                Arguments.of("SecRequestBodyLimit lots", "needs a number", "lots"),
                Arguments.of("SecRequestBodyLimit 0", "positive number", "0"),
                Arguments.of("SecResponseBodyLimit -5", "positive number", "-5"),
                Arguments.of("SecArgumentsLimit 99999999999999999999", "needs a number", "99999999999999999999"),
                Arguments.of("SecRequestBodyLimitAction Drop", "Reject or ProcessPartial", "Drop"),
                Arguments.of("SecResponseBodyLimitAction", "takes 1 argument", "got 0"),
                Arguments.of("SecRuleEngine Maybe", "On, Off or DetectionOnly", "Maybe"),
                Arguments.of("SecRuleEngine On Off", "takes 1 argument", "got 2"),
                Arguments.of("SecAuditEngine Sometimes", "On, Off or RelevantOnly", "Sometimes"),
                Arguments.of("SecAuditLogParts ABXY", "letters A-K and Z", "ABXY"),
                Arguments.of("SecResponseBodyMimeType", "at least 1 argument", "SecResponseBodyMimeType"),
                Arguments.of("SecMarker", "takes 1 argument", "SecMarker"),
                Arguments.of("SecComponentSignature", "takes 1 argument", "SecComponentSignature"),
                // rule shapes
                Arguments.of("SecRule ARGS", "VARIABLES OPERATOR [ACTIONS]", "got 1"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1\" extra", "VARIABLES OPERATOR [ACTIONS]", "got 4"),
                Arguments.of("SecAction \"id:1\" \"phase:2\"", "exactly one action list", "got 2"),
                Arguments.of("SecAction", "exactly one action list", "got 0"),
                Arguments.of("SecRule ARGS \"@rx a\" \"phase:2,deny\"", "has no id", "id:N"),
                Arguments.of("SecRule ARGS \"@rx a\"", "has no id", "id:N"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:0\"", "positive", "0"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:x1\"", "needs a number", "x1"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,phase:9\"", "phase must be 1 to 5", "9"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,status:abc\"", "needs a number", "abc"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,status:1000\"", "HTTP status", "1000"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,skip:0\"", "positive", "0"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,allow:everything\"", "allow takes", "everything"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,deny:now\"", "takes no argument", "now"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,msg\"", "needs an argument", "msg"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,setvar:foo.x=1\"", "cannot write collection", "foo"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,setvar:tx\"", "collection.name", "tx"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,expirevar:tx.a\"", "collection.name=seconds", "tx.a"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:ruleEngine=Maybe\"", "On, Off or DetectionOnly", "Maybe"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:ruleRemoveById=abc\"", "not a rule id", "abc"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:ruleRemoveTargetById=1\"", "selector;TARGET", "ruleRemoveTargetById"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:requestBodyProcessor=YAML\"", "unknown request body processor", "YAML"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:requestBodyAccess=maybe\"", "On or Off", "maybe"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:requestBodyLimit=-1\"", "positive", "-1"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:responseBodyLimit=0\"", "positive", "0"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,ctl:requestBodyLimit=lots\"", "needs a number", "lots"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,msg:'open\"", "unterminated single quote", "msg"),
                Arguments.of("SecRule ARGS:/abc \"@rx a\" \"id:1\"", "unterminated regex selector", "ARGS:/abc"),
                Arguments.of("SecRule ARGS:'abc \"@rx a\" \"id:1\"", "unterminated quote", "ARGS"),
                Arguments.of("SecRule ARGS|! \"@rx a\" \"id:1\"", "empty variable name", "ARGS|!"),
                Arguments.of("SecRule \"\" \"@rx a\" \"id:1\"", "empty variable list", "targets"),
                // operators and their arguments
                Arguments.of("SecRule ARGS \"@rx (\" \"id:1\"", "invalid regular expression", "("),
                Arguments.of("SecRule ARGS \"@\" \"id:1\"", "unknown operator", "'@'"),
                Arguments.of("SecRule ARGS \"@ipMatch 1.2.3\" \"id:1\"", "invalid IP address", "1.2.3"),
                Arguments.of("SecRule ARGS \"@validateByteRange 300\" \"id:1\"", "out of range", "300"),
                Arguments.of("SecRule ARGS \"@pm\" \"id:1\"", "missing parameter", "pm"),
                Arguments.of("SecRule ARGS \"@pmFromFile no-such.data\" \"id:1\"", "cannot read data file", "no-such.data"),
                // duplicate ids and chains
                Arguments.of("SecAction \"id:1\"\nSecAction \"id:1\"", "duplicate rule id 1", "1"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecAction \"id:2\"", "followed by SecAction", "chain"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecMarker X", "followed by SecMarker", "chain"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecRule ARGS \"@rx b\" \"id:2\"", "chained rule cannot carry", "id"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecRule ARGS \"@rx b\" \"phase:1\"", "chained rule cannot carry", "phase"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecRule ARGS \"@rx b\" \"deny\"", "chained rule cannot carry", "disruptive"),
                Arguments.of("SecRule ARGS \"@rx a\" \"id:1,chain\"\nSecRule ARGS \"@rx b\" \"skipAfter:X\"", "chained rule cannot carry", "skip"),
                // default actions
                Arguments.of("SecDefaultAction \"log,deny\"", "needs a phase", "SecDefaultAction"),
                Arguments.of("SecDefaultAction \"phase:2,log\"", "needs a disruptive action", "SecDefaultAction"),
                Arguments.of("SecDefaultAction \"phase:2,deny,id:5\"", "metadata action", "id"),
                Arguments.of("SecDefaultAction \"phase:2,deny,msg:'x'\"", "metadata action", "msg"),
                Arguments.of("SecDefaultAction phase:2,deny extra", "takes 1 argument", "got 2"),
                // exclusions and updates
                Arguments.of("SecRuleRemoveById", "at least 1 argument", "SecRuleRemoveById"),
                Arguments.of("SecRuleRemoveById abc", "not a rule id", "abc"),
                Arguments.of("SecRuleRemoveById 9-3", "ends before it starts", "9-3"),
                Arguments.of("SecRuleRemoveByTag (", "invalid regex", "("),
                Arguments.of("SecRuleRemoveByMsg [x", "invalid regex", "[x"),
                Arguments.of("SecRuleRemoveByTag a b", "takes 1 argument", "got 2"),
                Arguments.of("SecRuleUpdateTargetById", "needs a rule id", "SecRuleUpdateTargetById"),
                Arguments.of("SecRuleUpdateTargetById 1", "selector and a target list", "SecRuleUpdateTargetById"),
                Arguments.of("SecRuleUpdateTargetById x1 ARGS", "not a rule id", "x1"),
                Arguments.of("SecRuleUpdateTargetById 1 NOPE", "unknown variable", "NOPE"),
                Arguments.of("SecRuleUpdateTargetByTag ( ARGS", "invalid regex", "("),
                Arguments.of("SecRuleUpdateTargetByMsg", "selector and a target list", "SecRuleUpdateTargetByMsg"),
                Arguments.of("SecRuleUpdateActionById 1", "takes 2 arguments", "got 1"),
                Arguments.of("SecRuleUpdateActionById 1 \"id:2\"", "cannot change a rule's id or phase", "id"),
                Arguments.of("SecRuleUpdateActionById 1 \"phase:1\"", "cannot change a rule's id or phase", "phase"),
                Arguments.of("SecRuleUpdateActionById 1 \"bogus\"", "unknown action", "bogus"),
                // reader-level errors surface through the builder too
                Arguments.of("SecRule ARGS \"@rx a", "unterminated double quote", "@rx a"),
                Arguments.of("Include does-not-exist.conf", "Include file not found", "does-not-exist.conf"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void malformedDirectiveNamesSourceLineAndToken(String directive, String reason, String token) {
        String text = "# setup\nSecAction \"id:900,phase:1,pass,nolog\"\n\n" + directive + "\n";
        // a two-line case is wrong only in its second directive
        int expectedLine = directive.contains("\n") ? 5 : 4;
        SecLangException e = assertThrows(SecLangException.class,
                () -> Firewall.builder().directives("tuning.conf", text, dir).build());
        assertEquals("tuning.conf", e.file(), e.getMessage());
        assertEquals(expectedLine, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("tuning.conf:" + e.line() + ": "), e.getMessage());
        assertTrue(e.reason().contains(reason), "reason: " + e.getMessage());
        assertTrue(e.getMessage().contains(token), "token '" + token + "' in: " + e.getMessage());
    }

    @Test
    void chainWithoutFollowingRuleAtTheEndNamesTheStarter() {
        SecLangException e = assertThrows(SecLangException.class,
                () -> build("SecMarker A\nSecRule ARGS \"@rx a\" \\\n  \"id:1,chain\"\n"));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("chain"), e.getMessage());
    }

    @Test
    void chainMayNotSpanSources() {
        assertThrows(SecLangException.class, () -> Firewall.builder()
                .directives("a", "SecRule ARGS \"@rx a\" \"id:1,chain\"")
                .directives("b", "SecAction \"id:2\"").build());
    }

    @Test
    void errorInLaterSourceNamesThatSource() {
        SecLangException e = assertThrows(SecLangException.class, () -> Firewall.builder()
                .directives("first", "SecAction \"id:1\"")
                .directives("second", "\n\nSecAction \"id:1\"").build());
        assertEquals("second", e.file());
        assertEquals(3, e.line());
    }

    @Test
    void missingRuleFileIsASecLangException() {
        SecLangException e = assertThrows(SecLangException.class,
                () -> Firewall.builder().file(dir.resolve("missing.conf")).build());
        assertTrue(e.getMessage().contains("missing.conf"), e.getMessage());
    }

    /** Regex selectors are compiled at load time, so a broken one is a located load error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SecRule ARGS:/(/ \"@rx a\" \"id:1\"",
        "SecRule ARGS|!ARGS:/[/ \"@rx a\" \"id:1\"",
        "SecRule &ARGS:/a{2,1}/ \"@eq 1\" \"id:1\""})
    void brokenRegexSelectorIsALocatedLoadError(String directive) {
        SecLangException e = assertThrows(SecLangException.class,
                () -> Firewall.builder().directives("sel.conf", "\n" + directive, dir).build());
        assertEquals("sel.conf", e.file(), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
    }

    @Test
    void brokenRegexSelectorInTargetUpdateNamesTheUpdate() {
        SecLangException e = assertThrows(SecLangException.class, () -> build(
                "SecRule ARGS \"@rx a\" \"id:1\"\nSecRuleUpdateTargetById 1 !ARGS:/(/"));
        assertEquals("t", e.file(), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
    }

    /** ctl target removals are checked when the rules load, never when a request runs. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ctl:ruleRemoveTargetById=2;ARGS:/(/",
        "ctl:ruleRemoveTargetByTag=(;ARGS",
        "ctl:ruleRemoveTargetByMsg=[;ARGS",
        "ctl:ruleRemoveTargetByTag=x;NOPE",
        "ctl:ruleRemoveByTag=(",
        "ctl:ruleRemoveByMsg=("})
    void brokenCtlArgumentIsALoadError(String ctl) {
        SecLangException e = assertThrows(SecLangException.class, () -> build(
                "SecRule ARGS \"@rx a\" \"id:1,phase:1,pass," + ctl + "\"\nSecRule ARGS \"@rx a\" \"id:2,phase:1,pass\""));
        assertEquals(1, e.line(), e.getMessage());
    }

    @Test
    void validCtlTargetRemovalsLoad() {
        Firewall fw = build("SecRule ARGS \"@rx a\" \"id:1,phase:1,pass,ctl:ruleRemoveTargetById=2;ARGS:/^x/,"
                + "ctl:ruleRemoveTargetByTag=attack-.*;REQUEST_COOKIES:sess,ctl:ruleRemoveByTag=^foo\"");
        assertFalse(fw.ruleIds().isEmpty());
    }
}
