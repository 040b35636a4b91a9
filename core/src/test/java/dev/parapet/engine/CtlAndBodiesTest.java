package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.post;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.actions.Disruptive;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ctl actions, request and response bodies, limits and body processors. */
class CtlAndBodiesTest {

    // ---- ctl -----------------------------------------------------------------------------------

    /** Rule 1 runs the ctl when ARGS:go is 1; rules 10-13 would then match ARGS:q=attack. */
    private static Firewall ctlRules(String ctl) {
        return rules(
                "SecRule ARGS:go \"@streq 1\" \"id:1,phase:1,pass,nolog," + ctl + "\"",
                "SecRule ARGS \"@rx attack\" \"id:10,phase:2,pass,tag:'attack-sqli',tag:'paranoia-level/1',msg:'SQL one'\"",
                "SecRule ARGS \"@rx attack\" \"id:11,phase:2,pass,tag:'attack-xss',msg:'XSS one'\"",
                "SecRule ARGS|REQUEST_HEADERS:X-Q \"@rx attack\" \"id:12,phase:2,pass,tag:'attack-sqli',msg:'SQL two'\"",
                "SecRule ARGS \"@rx attack\" \"id:13,phase:2,deny,tag:'blocking',msg:'Deny'\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ctl:ruleRemoveById=11                          | 1,10,12",
        "ctl:ruleRemoveById=10-12                       | 1",
        "ctl:ruleRemoveById=10,ctl:ruleRemoveById=12    | 1,11",
        "ctl:ruleRemoveByTag=attack-sqli                | 1,11",
        "ctl:ruleRemoveByTag=^attack-                   | 1",
        "ctl:ruleRemoveByMsg=^SQL                       | 1,11",
        "ctl:ruleRemoveTargetById=10;ARGS:q             | 1,11,12",
        "ctl:ruleRemoveTargetById=10-12;ARGS:q          | 1,12",
        "ctl:ruleRemoveTargetById=10;ARGS:/^Q$/         | 1,11,12",
        "ctl:ruleRemoveTargetById=10;ARGS               | 1,11,12",
        "ctl:ruleRemoveTargetByTag=attack-sqli;ARGS:q   | 1,11,12",
        "ctl:ruleRemoveTargetByMsg=two$;ARGS:q          | 1,10,11,12",
        "ctl:ruleRemoveTargetByMsg=two$;REQUEST_HEADERS:x-q,ctl:ruleRemoveTargetByMsg=two$;ARGS:q | 1,10,11"})
    void ctlRemovalsApplyToLaterRulesOfThisTransactionOnly(String ctl, String expected) {
        Firewall fw = ctlRules(ctl + ",ctl:ruleRemoveById=13");
        Transaction tx = get("/?go=1&q=attack").header("X-Q", "attack").all(fw);
        assertEquals(expected, ids(tx).stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
        Transaction other = get("/?go=0&q=attack").header("X-Q", "attack").all(fw);
        assertEquals(List.of(10, 11, 12, 13), ids(other), "the next transaction is not affected");
        assertEquals(13, other.interruption().orElseThrow().ruleId());
    }

    @Test
    void aTargetRemovalAddedMidChainReachesTheChainsNextLinkAndNoLaterTransaction() {
        Firewall fw = rules(
                "SecRule ARGS:go \"@rx ^[12]$\" \"id:1,phase:1,pass,nolog,ctl:ruleRemoveTargetByTag=other;ARGS:x\"",
                // the starter's removals are looked up (none apply) before its ctl adds one for the chain
                "SecRule ARGS:go \"@streq 1\" \"id:5,phase:2,pass,tag:'attack-sqli',"
                        + "ctl:ruleRemoveTargetByTag=attack-sqli;ARGS:q,chain\"",
                "SecRule ARGS \"@rx attack\" \"t:none\"",
                "SecRule ARGS \"@rx attack\" \"id:6,phase:2,pass,tag:'attack-sqli'\"",
                "SecRule ARGS \"@rx attack\" \"id:7,phase:2,pass,tag:'attack-xss'\"");
        assertEquals(List.of(1, 7), idsOfClosed(get("/?go=1&q=attack").all(fw)));
        assertEquals(List.of(1, 5, 6, 7), idsOfClosed(get("/?go=1&q=attack&r=attack").all(fw)));
        // closed transactions gave their scratch back: this one reuses a table of removals per rule that has
        // entries to be forgotten
        assertEquals(List.of(1, 6, 7), idsOfClosed(get("/?go=2&q=attack").all(fw)),
                "no removal outlives its transaction");
    }

    private static List<Integer> idsOfClosed(Transaction tx) {
        List<Integer> ids = ids(tx);
        tx.close();
        return ids;
    }

    @Test
    void ctlRuleRemoveTargetKeepsOtherTargetsOfTheRule() {
        Firewall fw = ctlRules("ctl:ruleRemoveTargetById=12;ARGS:q,ctl:ruleRemoveById=10-11,ctl:ruleRemoveById=13");
        Transaction tx = get("/?go=1&q=attack").header("X-Q", "attack").all(fw);
        assertEquals(List.of(1, 12), ids(tx));
        assertEquals("REQUEST_HEADERS:X-Q", tx.matchedRules().get(1).matchedVariable());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ctl:ruleEngine=Off,           false, '1'",
        "ctl:ruleEngine=DetectionOnly, false, '1,10,11,12,13'",
        "ctl:ruleEngine=On,            true,  '1,10,11,12,13'"})
    void ctlRuleEngine(String ctl, boolean interrupted, String expected) {
        Firewall fw = Firewall.builder().directives("t", String.join("\n",
                "SecRuleEngine DetectionOnly",
                "SecRule ARGS:go \"@streq 1\" \"id:1,phase:1,pass,nolog," + ctl + "\"",
                "SecRule ARGS \"@rx attack\" \"id:10,phase:2,pass\"",
                "SecRule ARGS \"@rx attack\" \"id:11,phase:2,pass\"",
                "SecRule ARGS \"@rx attack\" \"id:12,phase:2,pass\"",
                "SecRule ARGS \"@rx attack\" \"id:13,phase:2,deny\""))
                .build();
        Transaction tx = get("/?go=1&q=attack").all(fw);
        assertEquals(interrupted, tx.interruption().isPresent());
        assertEquals(expected, ids(tx).stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
    }

    @Test
    void ctlRuleEngineOffStopsTheRestOfTheCurrentPhase() {
        Firewall fw = rules("SecAction \"id:1,phase:1,pass,ctl:ruleEngine=Off\"", "SecAction \"id:2,phase:1,deny\"");
        Transaction tx = get("/").all(fw);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(1), ids(tx));
        assertEquals(RuleEngineMode.OFF, tx.mode());
    }

    @Test
    void ctlRequestBodyProcessorParsesAnUnlabelledBody() {
        Firewall fw = rules(
                "SecRule REQUEST_URI \"@beginsWith /api/\" \"id:1,phase:1,pass,nolog,ctl:requestBodyProcessor=JSON\"",
                "SecRule ARGS:json.user.name \"@streq admin\" \"id:2,phase:2,pass\"",
                "SecAction \"id:3,phase:2,pass,setvar:'tx.proc=%{REQBODY_PROCESSOR}'\"");
        Transaction api = post("/api/x", "text/plain", "{\"user\":{\"name\":\"admin\"}}").all(fw);
        assertEquals(List.of(1, 2, 3), ids(api));
        assertEquals("JSON", api.tx("proc"));
        Transaction other = post("/other", "text/plain", "{\"user\":{\"name\":\"admin\"}}").all(fw);
        assertEquals(List.of(3), ids(other));
        assertEquals("", other.tx("proc"));
    }

    @Test
    void ctlRequestBodyProcessorXml() {
        Firewall fw = rules(
                "SecRule REQUEST_HEADERS:Content-Type \"@rx ^text/plain\" \"id:1,phase:1,pass,nolog,ctl:requestBodyProcessor=XML\"",
                "SecRule XML:/* \"@rx secret\" \"id:2,phase:2,pass\"",
                "SecRule XML://@* \"@streq admin\" \"id:3,phase:2,pass\"");
        Transaction tx = post("/", "text/plain", "<a role=\"admin\"><b>top secret</b></a>").all(fw);
        assertEquals(List.of(1, 2, 3), ids(tx));
    }

    @ParameterizedTest(name = "force={0}")
    @CsvSource({"On, true", "Off, false"})
    void ctlForceRequestBodyVariable(String force, boolean populated) {
        Firewall fw = rules(
                "SecAction \"id:1,phase:1,pass,nolog,ctl:forceRequestBodyVariable=" + force + "\"",
                "SecRule REQUEST_BODY \"@rx payload\" \"id:2,phase:2,pass\"");
        Transaction tx = post("/", "application/octet-stream", "raw payload").all(fw);
        assertEquals(populated ? List.of(1, 2) : List.of(1), ids(tx));
    }

    @Test
    void ctlRequestBodyAccessOffSkipsTheBody() {
        Firewall fw = rules(
                "SecRule REQUEST_URI \"@streq /upload\" \"id:1,phase:1,pass,nolog,ctl:requestBodyAccess=Off\"",
                "SecRule ARGS \"@rx attack\" \"id:2,phase:2,deny\"");
        assertEquals(Optional.empty(), post("/upload", "application/x-www-form-urlencoded", "a=attack").all(fw).interruption());
        assertEquals(2, post("/form", "application/x-www-form-urlencoded", "a=attack").all(fw).interruption().orElseThrow().ruleId());
    }

    @Test
    void ctlAuditEngineAndParts() {
        Firewall fw = rules("SecAuditEngine RelevantOnly", "SecAuditLogParts ABZ",
                "SecRule ARGS:audit \"@streq 1\" \"id:1,phase:1,pass,nolog,noauditlog,ctl:auditEngine=On,ctl:auditLogParts=ABCZ\"");
        Transaction on = get("/?audit=1").all(fw);
        assertTrue(on.isAuditRelevant());
        assertEquals("ABCZ", on.auditLogParts());
        Transaction off = get("/?audit=0").all(fw);
        assertFalse(off.isAuditRelevant());
        assertEquals("ABZ", off.auditLogParts());
    }

    // ---- request bodies ------------------------------------------------------------------------

    @Test
    void urlencodedBodyFillsArgsPostAndRequestBody() {
        Firewall fw = rules(
                "SecRule ARGS_POST:name \"@streq O'Brien\" \"id:1,phase:2,pass\"",
                "SecRule ARGS:q \"@streq get\" \"id:2,phase:2,pass\"",
                "SecRule REQUEST_BODY \"@rx ^name=O%27Brien\" \"id:3,phase:2,pass\"",
                "SecRule &ARGS \"@eq 3\" \"id:4,phase:2,pass\"",
                "SecRule ARGS_POST_NAMES \"@streq x y\" \"id:5,phase:2,pass\"",
                "SecRule REQUEST_BODY_LENGTH \"@eq 23\" \"id:6,phase:2,pass\"",
                "SecRule ARGS_COMBINED_SIZE \"@eq 20\" \"id:7,phase:2,pass\"",
                "SecRule ARGS_GET \"@streq O'Brien\" \"id:8,phase:2,pass\"");
        Transaction tx = post("/?q=get", "application/x-www-form-urlencoded", "name=O%27Brien&x+y=z%00").all(fw);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ids(tx));
    }

    @Test
    void jsonBodyBecomesArguments() {
        Firewall fw = rules(
                "SecRule ARGS:json.user.roles.1 \"@streq admin\" \"id:1,phase:2,pass\"",
                "SecRule ARGS:json.user.roles \"@eq 2\" \"id:2,phase:2,pass\"",
                "SecRule ARGS:json.n \"@eq 5\" \"id:3,phase:2,pass\"",
                "SecRule ARGS_NAMES \"@streq json.user.active\" \"id:4,phase:2,pass\"",
                "SecRule REQBODY_ERROR \"@eq 0\" \"id:5,phase:2,pass\"",
                "SecRule REQBODY_PROCESSOR \"@streq JSON\" \"id:6,phase:2,pass\"");
        Transaction tx = post("/", "application/json; charset=utf-8",
                "{\"user\":{\"roles\":[\"user\",\"admin\"],\"active\":true},\"n\":5}").all(fw);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ids(tx));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "application/json          | {\"a\":                  ",
        "application/json          | [1,2                     ",
        "application/json          | {\"a\":1}}               ",
        "application/vnd.api+json  | not json                 ",
        "text/xml                  | <a><b></a>               ",
        "application/xml           | <!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>",
        "multipart/form-data       | --x--                    "})
    void malformedBodySetsReqbodyErrorAndNeverThrows(String type, String body) {
        Firewall fw = rules(
                "SecRule REQBODY_ERROR \"!@eq 0\" \"id:200002,phase:2,deny,status:400,"
                        + "msg:'Failed to parse request body: %{REQBODY_ERROR_MSG}'\"");
        Transaction tx = post("/", type, body).all(fw);
        Interruption i = tx.interruption().orElseThrow(() -> new AssertionError("no REQBODY_ERROR for " + body));
        assertEquals(new Interruption(200002, Disruptive.DENY, 400, null, 2), i);
        assertFalse(tx.matchedRules().get(0).message().endsWith(": "), tx.matchedRules().get(0).message());
    }

    @Test
    void wellFormedBodiesHaveNoReqbodyError() {
        Firewall fw = rules("SecRule REQBODY_ERROR \"!@eq 0\" \"id:1,phase:2,deny,status:400\"",
                "SecRule REQBODY_ERROR \"@eq 0\" \"id:2,phase:2,pass\"");
        assertEquals(List.of(2), ids(post("/", "application/json", "{\"a\":[1,{\"b\":null}]}").all(fw)));
        assertEquals(List.of(2), ids(post("/", "text/xml", "<?xml version=\"1.0\"?><a x=\"1\">t</a>").all(fw)));
        assertEquals(List.of(2), ids(post("/", "application/x-www-form-urlencoded", "a=1&b=%zz").all(fw)));
    }

    @Test
    void jsonDepthLimitIsAReqbodyError() {
        Firewall fw = rules("SecRequestBodyJsonDepthLimit 3",
                "SecRule REQBODY_ERROR \"!@eq 0\" \"id:1,phase:2,deny,status:400\"");
        assertEquals(Optional.empty(), post("/", "application/json", "{\"a\":{\"b\":{\"c\":1}}}").all(fw).interruption());
        assertTrue(post("/", "application/json", "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}").all(fw).interruption().isPresent());
    }

    @Test
    void xmlBodyTextAndAttributes() {
        Firewall fw = rules(
                "SecRule XML:/* \"@rx <script>\" \"id:1,phase:2,pass\"",
                "SecRule XML://@* \"@streq javascript:alert(1)\" \"id:2,phase:2,pass\"",
                "SecRule REQBODY_PROCESSOR \"@streq XML\" \"id:3,phase:2,pass\"");
        Transaction tx = post("/", "application/soap+xml",
                "<env><body href=\"javascript:alert(1)\">&lt;script&gt;x</body></env>").all(fw);
        assertEquals(List.of(1, 2, 3), ids(tx));
    }

    private static final String BOUNDARY = "----parapet";

    private static String multipart(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append("--").append(BOUNDARY).append("\r\n").append(p).append("\r\n");
        }
        return b.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    @Test
    void multipartFieldsAndFiles() {
        Firewall fw = rules(
                "SecRule ARGS_POST:comment \"@streq hello\" \"id:1,phase:2,pass\"",
                "SecRule FILES:upload \"@streq shell.php\" \"id:2,phase:2,pass\"",
                "SecRule FILES_NAMES \"@streq upload\" \"id:3,phase:2,pass\"",
                "SecRule FILES_SIZES:upload \"@eq 20\" \"id:4,phase:2,pass\"",
                "SecRule ARGS \"@rx php\" \"id:5,phase:2,pass\"",
                "SecRule MULTIPART_STRICT_ERROR \"@eq 0\" \"id:6,phase:2,pass\"",
                "SecRule MULTIPART_PART_HEADERS \"@rx filename=\" \"id:7,phase:2,pass\"",
                "SecRule REQBODY_PROCESSOR \"@streq MULTIPART\" \"id:8,phase:2,pass\"");
        String body = multipart(
                "Content-Disposition: form-data; name=\"comment\"\r\n\r\nhello",
                "Content-Disposition: form-data; name=\"upload\"; filename=\"shell.php\"\r\n"
                        + "Content-Type: application/x-php\r\n\r\n<?php system($x); ?>");
        Transaction tx = post("/", "multipart/form-data; boundary=" + BOUNDARY, body).all(fw);
        assertEquals(List.of(1, 2, 3, 4, 6, 7, 8), ids(tx), "file contents are not arguments");
    }

    @Test
    void multipartAnomaliesSetStrictError() {
        Firewall fw = rules("SecRule MULTIPART_STRICT_ERROR \"!@eq 0\" \"id:1,phase:2,deny,status:400\"",
                "SecRule MULTIPART_UNMATCHED_BOUNDARY \"@eq 1\" \"id:2,phase:2,pass\"");
        // an LF-only line and a quoted boundary are anomalies
        String body = "--" + BOUNDARY + "\nContent-Disposition: form-data; name=\"a\"\n\nx\n--" + BOUNDARY + "--\n";
        Transaction tx = post("/", "multipart/form-data; boundary=\"" + BOUNDARY + "\"", body).all(fw);
        assertTrue(tx.interruption().isPresent(), () -> "matched " + ids(tx));
    }

    // ---- body limits ---------------------------------------------------------------------------

    private static Transaction bigPost(Firewall fw, int size) {
        return post("/", "application/x-www-form-urlencoded", "a=" + "x".repeat(size - 2)).all(fw);
    }

    @Test
    void requestBodyOverTheLimitIsRejectedWith413() {
        Firewall fw = rules("SecRequestBodyLimit 100", "SecRequestBodyLimitAction Reject",
                "SecRule ARGS \"@rx x\" \"id:1,phase:2,pass\"", "SecAction \"id:2,phase:5,pass\"");
        assertEquals(Optional.empty(), bigPost(fw, 100).interruption());
        Transaction over = bigPost(fw, 101);
        assertEquals(new Interruption(0, Disruptive.DENY, 413, null, 2), over.interruption().orElseThrow());
        assertEquals(List.of(2), ids(over), "phase 2 rules do not run, logging does");
    }

    @Test
    void noFilesLimitAppliesToNonMultipartBodies() {
        Firewall fw = rules("SecRequestBodyLimit 1000", "SecRequestBodyNoFilesLimit 50");
        assertEquals(Optional.empty(), bigPost(fw, 50).interruption());
        assertEquals(413, bigPost(fw, 51).interruption().orElseThrow().status());
    }

    /** As ModSecurity: the bytes of a multipart body outside its files count towards SecRequestBodyNoFilesLimit. */
    @Test
    void noFilesLimitAppliesToMultipartFieldsButNotToFiles() {
        Firewall fw = rules("SecRequestBodyLimit 100000", "SecRequestBodyNoFilesLimit 100");
        String big = "x".repeat(5000);
        String file = multipart("Content-Disposition: form-data; name=\"u\"; filename=\"a.txt\"\r\n\r\n" + big);
        assertEquals(Optional.empty(), post("/", "multipart/form-data; boundary=" + BOUNDARY, file).all(fw).interruption());
        String field = multipart("Content-Disposition: form-data; name=\"f\"\r\n\r\n" + big);
        assertEquals(413, post("/", "multipart/form-data; boundary=" + BOUNDARY, field).all(fw).interruption()
                .orElseThrow().status());
    }

    @Test
    void processPartialInspectsMultipartFieldsUpToTheNoFilesLimit() {
        Firewall fw = rules("SecRequestBodyLimit 100000", "SecRequestBodyNoFilesLimit 300",
                "SecRequestBodyLimitAction ProcessPartial",
                "SecRule ARGS:first \"@streq ok\" \"id:1,phase:2,pass\"",
                "SecRule INBOUND_DATA_ERROR \"@eq 1\" \"id:2,phase:2,pass\"",
                "SecRule ARGS_NAMES \"@streq late\" \"id:3,phase:2,deny\"",
                "SecRule REQBODY_ERROR \"!@eq 0\" \"id:4,phase:2,deny\"");
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"first\"\r\n\r\nok\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"big\"\r\n\r\n" + "x".repeat(2000) + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"late\"\r\n\r\nv\r\n"
                + "--" + BOUNDARY + "--\r\n";
        Transaction tx = post("/", "multipart/form-data; boundary=" + BOUNDARY, body).all(fw);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(1, 2), ids(tx), "fields before the limit inspected, the overflow flagged, no parse error");
    }

    @Test
    void processPartialInspectsTheFirstBytesAndFlagsTheOverflow() {
        Firewall fw = rules("SecRequestBodyLimit 20", "SecRequestBodyLimitAction ProcessPartial",
                "SecRule ARGS:a \"@rx ^x+$\" \"id:1,phase:2,pass,setvar:'tx.len=%{MATCHED_VAR}'\"",
                "SecRule INBOUND_DATA_ERROR \"@eq 1\" \"id:2,phase:2,pass\"",
                "SecRule ARGS:b \"@rx evil\" \"id:3,phase:2,deny\"");
        Transaction tx = post("/", "application/x-www-form-urlencoded", "a=" + "x".repeat(30) + "&b=evil").all(fw);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(18, tx.tx("len").length());
        assertEquals(List.of(1, 2), ids(tx));
    }

    @Test
    void detectionOnlyNeverRejectsAnOversizedBody() {
        Firewall fw = Firewall.builder().directives("t", "SecRequestBodyLimit 10\nSecRequestBodyLimitAction Reject\n"
                + "SecRule INBOUND_DATA_ERROR \"@eq 1\" \"id:1,phase:2,deny\"").mode(RuleEngineMode.DETECTION_ONLY).build();
        Transaction tx = bigPost(fw, 500);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(1), ids(tx));
    }

    @Test
    void bodyArrivingInChunksIsJoined() {
        Firewall fw = rules("SecRule ARGS:a \"@streq hello world\" \"id:1,phase:2,pass\"");
        Transaction tx = Exchange.request("POST", "/").header("Content-Type", "application/x-www-form-urlencoded").start(fw);
        tx.processRequestHeaders();
        byte[] body = "a=hello+world".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < body.length; i += 3) {
            tx.appendRequestBody(body, i, Math.min(3, body.length - i));
        }
        tx.appendRequestBody(body, 0, 0);
        tx.processRequestBody();
        assertEquals(List.of(1), ids(tx));
    }

    @Test
    void requestBodyAccessOffIgnoresTheBody() {
        Firewall fw = rules("SecRequestBodyAccess Off", "SecRule ARGS \"@rx x\" \"id:1,phase:2,deny\"");
        assertEquals(Optional.empty(), post("/", "application/x-www-form-urlencoded", "a=x").all(fw).interruption());
    }

    // ---- response bodies -----------------------------------------------------------------------

    private static final String LEAK = "SecRule RESPONSE_BODY \"@rx ORA-\\d{5}\" \"id:1,phase:4,deny,status:500\"";

    @ParameterizedTest(name = "{0} inspected={1}")
    @CsvSource(delimiter = '|', value = {
        "text/html                       | true",
        "text/html; charset=UTF-8        | true",
        "TEXT/PLAIN                      | true",
        "text/xml                        | true",
        "application/json                | false",
        "image/png                       | false"})
    void defaultResponseMimeTypes(String type, boolean inspected) {
        Firewall fw = rules(LEAK);
        Transaction tx = get("/").response(200, type, "error ORA-12345 here").all(fw);
        assertEquals(inspected, tx.interruption().isPresent());
    }

    @Test
    void configuredResponseMimeTypes() {
        Firewall fw = rules("SecResponseBodyMimeTypesClear", "SecResponseBodyMimeType application/json", LEAK);
        assertTrue(get("/").response(200, "application/json", "ORA-12345").all(fw).interruption().isPresent());
        assertEquals(Optional.empty(), get("/").response(200, "text/html", "ORA-12345").all(fw).interruption());
    }

    @Test
    void responseWithoutContentTypeOrAccessIsNotInspected() {
        assertEquals(Optional.empty(), get("/").response(200, null, "ORA-12345").all(rules(LEAK)).interruption());
        assertEquals(Optional.empty(),
                get("/").response(200, "text/html", "ORA-12345").all(rules("SecResponseBodyAccess Off", LEAK)).interruption());
    }

    @Test
    void isResponseBodyInspectedTellsAdaptersWhetherToBuffer() {
        Firewall fw = rules(LEAK);
        Transaction html = get("/").start(fw);
        html.addResponseHeader("Content-Type", "text/html");
        html.processResponseHeaders(200, "HTTP/1.1");
        assertTrue(html.isResponseBodyInspected());
        Transaction png = get("/").start(fw);
        png.addResponseHeader("Content-Type", "image/png");
        png.processResponseHeaders(200, "HTTP/1.1");
        assertFalse(png.isResponseBodyInspected());
    }

    @Test
    void responseBodyLimitProcessPartialAndReject() {
        String page = "x".repeat(100) + "ORA-12345";
        Firewall partial = rules("SecResponseBodyLimit 50", LEAK,
                "SecRule OUTBOUND_DATA_ERROR \"@eq 1\" \"id:2,phase:4,pass\"");
        Transaction tx = get("/").response(200, "text/html", page).all(partial);
        assertEquals(Optional.empty(), tx.interruption());
        assertEquals(List.of(2), ids(tx));
        Firewall reject = rules("SecResponseBodyLimit 50", "SecResponseBodyLimitAction Reject", LEAK);
        Interruption i = get("/").response(200, "text/html", page).all(reject).interruption().orElseThrow();
        assertEquals(0, i.ruleId());
        assertEquals(4, i.phase());
    }

    @Test
    void responseHeadersAndStatus() {
        Firewall fw = rules(
                "SecRule RESPONSE_HEADERS:Set-Cookie \"!@rx ;\\s*secure\" \"id:1,phase:3,pass\"",
                "SecRule RESPONSE_STATUS \"@streq 201\" \"id:2,phase:3,pass\"",
                "SecRule RESPONSE_PROTOCOL \"@streq HTTP/1.1\" \"id:3,phase:3,pass\"",
                "SecRule &RESPONSE_HEADERS_NAMES \"@eq 2\" \"id:4,phase:3,pass\"");
        Transaction tx = get("/").start(fw);
        tx.processRequestHeaders();
        tx.processRequestBody();
        tx.addResponseHeader("Set-Cookie", "sid=1; HttpOnly");
        tx.addResponseHeader("Content-Type", "text/html");
        tx.processResponseHeaders(201, "HTTP/1.1");
        assertEquals(List.of(1, 2, 3, 4), ids(tx));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProcessPartial", "Reject"})
    void responseBodyLimitsNeverBufferMoreThanTheLimit(String action) {
        Firewall fw = rules("SecResponseBodyLimit 10", "SecResponseBodyLimitAction " + action,
                "SecRule RESPONSE_BODY \"@rx ^0123456789$\" \"id:1,phase:4,pass\"");
        Transaction tx = get("/").start(fw);
        tx.addResponseHeader("Content-Type", "text/plain");
        tx.processResponseHeaders(200, "HTTP/1.1");
        byte[] chunk = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 1000; i++) {
            tx.appendResponseBody(chunk, 0, chunk.length);
        }
        tx.processResponseBody();
        assertEquals(action.equals("Reject") ? List.of() : List.of(1), ids(tx));
    }
}
