package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.match;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chains, skip, skipAfter and markers. */
class RuleFlowTest {

    // ---- chains --------------------------------------------------------------------------------

    private static final Firewall CHAIN = rules(
            "SecRule ARGS:a \"@streq 1\" \"id:1,phase:2,deny,status:409,msg:'chain %{MATCHED_VAR}',"
                    + "logdata:'%{MATCHED_VAR_NAME}=%{MATCHED_VAR}',setvar:tx.starter=+1,chain\"",
            "    SecRule ARGS:b \"@streq 2\" \"setvar:tx.second=+1,chain\"",
            "    SecRule ARGS:c \"@streq 3\" \"setvar:tx.third=+1\"",
            "SecAction \"id:2,phase:2,pass\"");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        // query            interrupted  starter second third
        "/?a=1&b=2&c=3,     true,        1,      1,     1",
        "/?a=1&b=2&c=4,     false,       1,      1,     -",
        "/?a=1&b=9&c=3,     false,       1,      -,     -",
        "/?a=0&b=2&c=3,     false,       -,      -,     -",
        "/?b=2&c=3,         false,       -,      -,     -"})
    void chainMatchesOnlyWhenEveryLinkMatchesAndEachLinkRunsItsActionsWhenItMatches(
            String uri, boolean interrupted, String starter, String second, String third) {
        Transaction tx = get(uri).all(CHAIN);
        assertEquals(interrupted, tx.interruption().isPresent());
        assertEquals(interrupted ? List.of(1) : List.of(2), ids(tx));
        assertEquals(starter, tx.tx("starter"));
        assertEquals(second, tx.tx("second"));
        assertEquals(third, tx.tx("third"));
    }

    @Test
    void chainIsReportedOnceWithTheStartersMetadataAndTheLastLinksMatch() {
        Transaction tx = get("/?a=1&b=2&c=3").all(CHAIN);
        MatchedRule m = match(tx, 1);
        assertEquals(409, tx.interruption().orElseThrow().status());
        assertEquals("chain 3", m.message());
        assertEquals("ARGS:c=3", m.data());
        assertEquals("ARGS:c", m.matchedVariable());
        assertEquals(1, tx.matchedRules().size());
    }

    @Test
    void chainedRuleReadsWhatItsStarterCapturedAndSet() {
        Firewall fw = rules(
                "SecRule REQUEST_HEADERS:Content-Type \"@rx ^([^;]+)\" \"id:1,phase:1,pass,capture,"
                        + "setvar:'tx.ct=%{TX.1}',chain\"",
                "    SecRule TX:1 \"!@within |application/json|text/plain|\" \"t:lowercase,"
                        + "setvar:'tx.bad_type=%{MATCHED_VAR}'\"");
        Transaction bad = get("/").header("Content-Type", "Application/XML; charset=utf-8").all(fw);
        assertEquals(List.of(1), ids(bad));
        assertEquals("Application/XML", bad.tx("ct"));
        assertEquals("application/xml", bad.tx("bad_type"));
        Transaction good = get("/").header("Content-Type", "text/plain").all(fw);
        assertEquals(List.of(), ids(good));
        assertEquals("text/plain", good.tx("ct"), "the starter's setvar ran although the chain failed");
    }

    @Test
    void chainLinksHaveTheirOwnTransformations() {
        Firewall fw = rules(
                "SecRule ARGS:a \"@streq abc\" \"id:1,phase:1,pass,t:lowercase,chain\"",
                "    SecRule ARGS:b \"@streq ABC\" \"\"");
        assertEquals(List.of(1), ids(get("/?a=ABC&b=ABC").all(fw)));
        assertEquals(List.of(), ids(get("/?a=ABC&b=abc").all(fw)));
    }

    @Test
    void chainedLinkSeesTheMatchedVarsOfEarlierLinks() {
        Firewall fw = rules(
                "SecRule ARGS_NAMES \"@rx ^p\" \"id:1,phase:1,pass,chain\"",
                "    SecRule MATCHED_VARS \"@rx ^pw\" \"setvar:tx.hit=%{MATCHED_VAR}\"");
        Transaction tx = get("/?x=1&pw=2&pass=3").all(fw);
        assertEquals(List.of(1), ids(tx));
        assertEquals("pw", tx.tx("hit"));
        assertEquals(List.of(), ids(get("/?pass=1").all(fw)));
    }

    // ---- skip ----------------------------------------------------------------------------------

    private static Firewall skipRules(String flow) {
        return rules(
                "SecRule ARGS:go \"@streq 1\" \"id:1,phase:1,pass," + flow + "\"",
                "SecAction \"id:2,phase:1,pass\"",
                "SecRule ARGS:go \"@streq 1\" \"id:3,phase:1,pass,chain\"",
                "    SecRule ARGS:go \"@streq 1\" \"\"",
                "SecMarker MIDDLE",
                "SecAction \"id:4,phase:2,pass\"",
                "SecAction \"id:5,phase:1,pass\"",
                "SecMarker END",
                "SecAction \"id:6,phase:1,pass\"",
                "SecMarker END",
                "SecAction \"id:7,phase:1,pass\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "skip:1           | 1,3,5,6,7,4",
        // a chain counts as one rule
        "skip:2           | 1,5,6,7,4",
        "skip:3           | 1,6,7,4",
        // past the end of the phase: the phase ends, the next phase runs
        "skip:99          | 1,4",
        "skipAfter:MIDDLE | 1,5,6,7,4",
        // the first marker of that name after the rule
        "skipAfter:END    | 1,6,7,4",
        // a rule id works as a marker
        "skipAfter:3      | 1,5,6,7,4",
        // no such marker after the rule: the rest of the phase is skipped
        "skipAfter:NONE   | 1,4"})
    void skipAndSkipAfter(String flow, String expected) {
        List<Integer> want = java.util.Arrays.stream(expected.split(",")).map(String::strip).map(Integer::valueOf).toList();
        assertEquals(want, ids(get("/?go=1").all(skipRules(flow))));
    }

    @Test
    void skipOnlyWhenTheRuleMatches() {
        assertEquals(List.of(2, 5, 6, 7, 4), ids(get("/?go=0").all(skipRules("skipAfter:END"))));
        assertEquals(List.of(2, 5, 6, 7, 4), ids(get("/?go=0").all(skipRules("skip:2"))));
    }

    @Test
    void crsParanoiaLevelSkipPattern() {
        Firewall fw = rules(
                "SecAction \"id:900000,phase:1,pass,nolog,setvar:tx.detection_paranoia_level=1\"",
                "SecRule TX:DETECTION_PARANOIA_LEVEL \"@lt 2\" \"id:911013,phase:2,pass,nolog,skipAfter:END-911\"",
                "SecRule ARGS \"@rx evil\" \"id:911100,phase:2,deny\"",
                "SecMarker \"END-911\"",
                "SecRule ARGS \"@rx evil\" \"id:911200,phase:2,pass\"");
        Transaction tx = get("/?q=evil").all(fw);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(900000, 911013, 911200), ids(tx));
        Firewall pl2 = rules(
                "SecAction \"id:900000,phase:1,pass,nolog,setvar:tx.detection_paranoia_level=2\"",
                "SecRule TX:DETECTION_PARANOIA_LEVEL \"@lt 2\" \"id:911013,phase:2,pass,nolog,skipAfter:END-911\"",
                "SecRule ARGS \"@rx evil\" \"id:911100,phase:2,deny\"",
                "SecMarker \"END-911\"");
        assertEquals(911100, get("/?q=evil").all(pl2).interruption().orElseThrow().ruleId());
    }

    @Test
    void removedRulesDoNotShiftMarkers() {
        Firewall fw = rules(
                "SecRule ARGS:go \"@streq 1\" \"id:1,phase:1,pass,skipAfter:M\"",
                "SecAction \"id:2,phase:1,pass\"",
                "SecMarker M",
                "SecAction \"id:3,phase:1,pass\"",
                "SecRuleRemoveById 2");
        assertEquals(List.of(1, 3), ids(get("/?go=1").all(fw)));
        assertEquals(List.of(3), ids(get("/?go=0").all(fw)));
    }

    @Test
    void unsetVariablesAreAbsent() {
        Transaction tx = get("/").all(rules("SecAction \"id:1,phase:1,pass\""));
        assertNull(tx.tx("nothing"));
        assertTrue(tx.matchedRules().get(0).matchedVariable().isEmpty());
    }
}
