package dev.parapet.engine;

import static dev.parapet.engine.Exchange.get;
import static dev.parapet.engine.Exchange.ids;
import static dev.parapet.engine.Exchange.match;
import static dev.parapet.engine.Exchange.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** setvar, macros, capture, multiMatch, MATCHED_VAR(S)(_NAMES), counts, selectors and exclusions. */
class VariablesAndActionsTest {

    /** Runs a phase-1 SecAction with {@code actions} and returns the transaction. */
    private static Transaction action(String actions) {
        return get("/p/index.php?x=1").header("Host", "Example.com").all(rules("SecAction \"id:1,phase:1,pass," + actions + "\""));
    }

    // ---- setvar --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> tx.v={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "setvar:tx.v=5                                     | 5",
        "setvar:tx.v                                       | 1",
        "setvar:'tx.v=two words'                           | two words",
        "setvar:tx.v=                                      | ''",
        "setvar:tx.v=5,setvar:tx.v=+3                      | 8",
        "setvar:tx.v=5,setvar:tx.v=-7                      | -2",
        "setvar:tx.v=+4                                    | 4",
        "setvar:tx.v=-4                                    | -4",
        "setvar:tx.v=abc,setvar:tx.v=+2                    | 2",
        "setvar:tx.v=5,setvar:tx.v=+abc                    | 5",
        "setvar:tx.v=12abc,setvar:tx.v=+1                  | 13",
        "setvar:tx.v=5,setvar:!tx.v                        | NULL",
        "setvar:!tx.v                                      | NULL",
        "setvar:tx.a=3,setvar:tx.v=+%{tx.a},setvar:tx.v=+%{TX.A} | 6",
        "setvar:tx.a=3,setvar:'tx.v=%{tx.a}-%{tx.a}'       | 3-3",
        "setvar:'tx.v=%{tx.missing}x'                      | x",
        "setvar:TX.V=upper                                 | upper",
        "setvar:tx.name=v,setvar:'tx.%{tx.name}=by macro'  | by macro",
        "setvar:'tx.v=%{REQUEST_METHOD} %{REQUEST_FILENAME} %{request_headers.host} %{ARGS.x}' | GET /p/index.php Example.com 1",
        "setvar:'tx.v=%{REMOTE_ADDR}:%{REMOTE_PORT} %{SERVER_ADDR}:%{SERVER_PORT}' | 192.0.2.10:51234 192.0.2.1:8080",
        "setvar:'tx.v=%{rule.id}/%{RULE.phase}'            | 1/1",
        "setvar:'tx.v=100%'                                | 100%"})
    void setvarForms(String actions, String expected) {
        assertEquals(expected, action(actions).tx("v"));
    }

    @Test
    void txNamesAreCaseInsensitive() {
        Transaction tx = action("setvar:tx.Mixed_Case=1,setvar:TX.MIXED_CASE=+1");
        assertEquals("2", tx.tx("mixed_case"));
        assertEquals("2", tx.tx("MIXED_CASE"));
    }

    @Test
    void setvarWithMacroNameCountsPerMatchedVariable() {
        // CRS 920270-style: one counter per argument name
        Firewall fw = rules("SecRule ARGS \"@rx .\" \"id:1,phase:2,pass,setvar:'tx.seen_%{MATCHED_VAR_NAME}=+1'\"");
        Transaction tx = get("/?a=1&b=2&a=3").all(fw);
        assertEquals("2", tx.tx("seen_ARGS:a"));
        assertEquals("1", tx.tx("seen_args:b"));
    }

    @Test
    void envAndPersistentCollections() {
        Transaction tx = action("setenv:block_me=1,initcol:ip=%{REMOTE_ADDR},setvar:ip.hits=+1,setvar:ip.hits=+1,"
                + "setvar:'tx.v=%{ip.hits}/%{env.block_me}',expirevar:ip.hits=0,setvar:'tx.after=%{ip.hits}'");
        assertEquals("2/1", tx.tx("v"));
        assertEquals("", tx.tx("after"));
        assertEquals(Map.of("block_me", "1"), tx.environment());
    }

    @Test
    void txCollectionIsATarget() {
        Firewall fw = rules(
                "SecAction \"id:1,phase:1,pass,nolog,setvar:tx.score_a=3,setvar:tx.score_b=4,setvar:tx.other=9\"",
                "SecRule TX:/^score_/ \"@gt 3\" \"id:2,phase:1,pass,setvar:tx.hit=%{MATCHED_VAR_NAME}\"",
                "SecRule &TX:/^score_/ \"@eq 2\" \"id:3,phase:1,pass\"",
                "SecRule TX:missing \"@eq 0\" \"id:4,phase:1,pass\"",
                "SecRule &TX:missing \"@eq 0\" \"id:5,phase:1,pass\"");
        Transaction tx = get("/").all(fw);
        assertEquals("TX:score_b", tx.tx("hit"));
        assertEquals(List.of(1, 2, 3, 5), ids(tx));
    }

    // ---- capture -------------------------------------------------------------------------------

    @Test
    void captureFillsTx0To9() {
        Firewall fw = rules("SecRule ARGS:q \"@rx (a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\" \"id:1,phase:1,pass,capture\"");
        Transaction tx = get("/?q=xabcdefghijkx").all(fw);
        assertEquals("abcdefghijk", tx.tx("0"));
        assertEquals("a", tx.tx("1"));
        assertEquals("i", tx.tx("9"));
        assertNull(tx.tx("10"));
    }

    @Test
    void withoutCaptureTxIsUntouched() {
        Transaction tx = get("/?q=ab").all(rules("SecRule ARGS:q \"@rx (a)(b)\" \"id:1,phase:1,pass\""));
        assertNull(tx.tx("0"));
        assertNull(tx.tx("1"));
    }

    @Test
    void optionalGroupThatDidNotTakePartIsEmpty() {
        Transaction tx = get("/?q=zac").all(rules("SecRule ARGS:q \"@rx (a)(b)?(c)\" \"id:1,phase:1,pass,capture\""));
        assertEquals("ac", tx.tx("0"));
        assertEquals("a", tx.tx("1"));
        assertEquals("", tx.tx("2"));
        assertEquals("c", tx.tx("3"));
    }

    /** ModSecurity v2 unsets TX:n above the groups of a new capture, so no stale group survives. */
    @Test
    void newCaptureRemovesHigherGroupsOfAnEarlierCapture() {
        Firewall fw = rules(
                "SecRule ARGS:a \"@rx (x)(y)(z)\" \"id:1,phase:1,pass,capture\"",
                "SecRule ARGS:b \"@rx (q)\" \"id:2,phase:1,pass,capture\"",
                "SecRule &TX:2 \"@eq 0\" \"id:3,phase:1,pass\"");
        Transaction tx = get("/?a=xyz&b=q").all(fw);
        assertEquals("q", tx.tx("0"));
        assertEquals("q", tx.tx("1"));
        assertNull(tx.tx("2"));
        assertNull(tx.tx("3"));
        assertEquals(List.of(1, 2, 3), ids(tx));
    }

    @Test
    void captureSeesTheTransformedValueAndEachMatchOverwritesIt() {
        Firewall fw = rules("SecRule ARGS \"@rx ^(\\w+)\" \"id:1,phase:1,pass,capture,t:lowercase,"
                + "setvar:'tx.all=%{tx.all}%{TX.1};'\"");
        Transaction tx = get("/?a=ONE&b=Two").all(fw);
        assertEquals("one;two;", tx.tx("all"));
        assertEquals("two", tx.tx("1"));
    }

    // ---- multiMatch and MATCHED_* ---------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // value "A B": raw (no a), after lowercase "a b" (match), after removeWhitespace "ab" (match)
        "multiMatch, A%20B,  2",
        "'',         A%20B,  1",
        // no transformation changes "ab": the operator runs once
        "multiMatch, ab,     1",
        "multiMatch, QQ,     0"})
    void multiMatchRunsTheOperatorAfterEveryChangingTransformation(String flag, String value, int matches) {
        Firewall fw = rules("SecRule ARGS:q \"@contains a\" \"id:1,phase:1,pass,t:lowercase,t:removeWhitespace,"
                + (flag.isEmpty() ? "" : flag + ",") + "setvar:tx.n=+1\"");
        Transaction tx = get("/?q=" + value).all(fw);
        assertEquals(matches == 0 ? null : Integer.toString(matches), tx.tx("n"));
    }

    @Test
    void multiMatchIncludesTheRawValue() {
        Firewall fw = rules("SecRule ARGS:q \"@streq A\" \"id:1,phase:1,pass,t:lowercase,multiMatch\"");
        assertEquals(List.of(1), ids(get("/?q=A").all(fw)));
        assertEquals(List.of(), ids(get("/?q=A").all(rules("SecRule ARGS:q \"@streq A\" \"id:1,phase:1,pass,t:lowercase\""))));
    }

    @Test
    void matchedVarAndNameAreTheLastMatch() {
        Firewall fw = rules("SecRule ARGS \"@rx ^b\" \"id:1,phase:1,pass,setvar:'tx.v=%{MATCHED_VAR}',"
                + "setvar:'tx.n=%{MATCHED_VAR_NAME}'\"",
                "SecAction \"id:2,phase:1,pass,setvar:'tx.after=%{MATCHED_VAR_NAME}'\"");
        Transaction tx = get("/?a=x&first=b1&second=b2").all(fw);
        assertEquals("b2", tx.tx("v"));
        assertEquals("ARGS:second", tx.tx("n"));
        assertEquals("b2", match(tx, 1).matchedValue());
    }

    @Test
    void matchedVarsAndNamesCollectEveryMatchOfTheRule() {
        Firewall fw = rules(
                "SecRule ARGS|REQUEST_HEADERS:X-A \"@rx bad\" \"id:1,phase:1,pass,chain\"",
                "    SecRule &MATCHED_VARS \"@eq 3\" \"chain\"",
                "    SecRule MATCHED_VARS_NAMES \"@streq REQUEST_HEADERS:X-A\" \"setvar:tx.ok=1\"");
        Transaction tx = get("/?a=bad&b=fine&c=bad").header("X-A", "bad").all(fw);
        assertEquals("1", tx.tx("ok"));
        assertEquals(List.of(1), ids(tx));
    }

    @Test
    void matchedVarsAreResetForEachRule() {
        Firewall fw = rules(
                "SecRule ARGS \"@rx bad\" \"id:1,phase:1,pass\"",
                "SecRule ARGS:c \"@rx c\" \"id:2,phase:1,pass,chain\"",
                "    SecRule &MATCHED_VARS \"@eq 1\" \"\"");
        assertEquals(List.of(1, 2), ids(get("/?a=bad&b=bad&c=c").all(fw)));
    }

    // ---- counts, selectors and exclusions ------------------------------------------------------

    @ParameterizedTest(name = "{0} @eq {1}")
    @CsvSource({
        "&ARGS,                         4",
        "&ARGS:a,                       2",
        "&ARGS:A,                       2",
        "&ARGS:/^[ab]$/,                3",
        "&ARGS:zzz,                     0",
        "&ARGS_GET,                     4",
        "&ARGS_POST,                    0",
        "&ARGS_NAMES,                   4",
        "&REQUEST_HEADERS,              3",
        "&REQUEST_HEADERS:host,         1",
        "&REQUEST_HEADERS:/^x-/,        2",
        "&REQUEST_COOKIES,              0",
        "&REQUEST_BODY,                 0",
        "&QUERY_STRING,                 1",
        "&ARGS|!ARGS:a,                 2"})
    void counts(String target, int expected) {
        Firewall fw = rules("SecRule " + target + " \"@eq " + expected + "\" \"id:1,phase:2,pass\"");
        Transaction tx = get("/?a=1&b=2&a=3&cc=4").header("Host", "h").header("X-One", "1").header("x-two", "2").all(fw);
        assertEquals(List.of(1), ids(tx), target);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "ARGS => ARGS:user_id,ARGS:USER_NAME,ARGS:other",
        "ARGS:user_id => ARGS:user_id",
        "ARGS:USER_ID => ARGS:user_id",
        "ARGS:/^user_/ => ARGS:user_id,ARGS:USER_NAME",
        "ARGS:/^USER_/ => ARGS:user_id,ARGS:USER_NAME",
        "ARGS:/name$/ => ARGS:USER_NAME",
        "ARGS|!ARGS:other => ARGS:user_id,ARGS:USER_NAME",
        "ARGS|!ARGS:OTHER => ARGS:user_id,ARGS:USER_NAME",
        "ARGS|!ARGS:/^user/ => ARGS:other",
        "ARGS|!ARGS => ''",
        "ARGS_NAMES => ARGS_NAMES:user_id,ARGS_NAMES:USER_NAME,ARGS_NAMES:other",
        "ARGS_NAMES|!ARGS_NAMES:other => ARGS_NAMES:user_id,ARGS_NAMES:USER_NAME",
        "ARGS:user_id|ARGS:user_id => ARGS:user_id,ARGS:user_id",
        "REQUEST_HEADERS|!REQUEST_HEADERS:x-b => REQUEST_HEADERS:X-A",
        "REQUEST_HEADERS:/^x-/|!REQUEST_HEADERS:/b$/ => REQUEST_HEADERS:X-A",
        "REQUEST_HEADERS_NAMES => REQUEST_HEADERS_NAMES:X-A,REQUEST_HEADERS_NAMES:X-B"})
    void selectorsAndExclusions(String targets, String expectedNames) {
        Firewall fw = rules("SecRule " + targets + " \"@rx .\" \"id:1,phase:1,pass,t:none,"
                + "setvar:'tx.names=%{tx.names},%{MATCHED_VAR_NAME}'\"");
        Transaction tx = get("/?user_id=1&USER_NAME=2&other=3").header("X-A", "1").header("X-B", "2").all(fw);
        String names = tx.tx("names");
        assertEquals(expectedNames, names == null ? "" : names.substring(1));
    }

    // ---- request line, URI and headers ---------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        // raw URI                                  | REQUEST_URI                | FILENAME      | BASENAME | QUERY_STRING
        "/a/b/c.php?x=1&y=2                         | /a/b/c.php?x=1&y=2         | /a/b/c.php    | c.php    | x=1&y=2",
        "/                                          | /                          | /             | ''       | NULL",
        "/dir/                                      | /dir/                      | /dir/         | ''       | NULL",
        "/a?                                        | /a?                        | /a            | a        | ''",
        "/a??b                                      | /a??b                      | /a            | a        | ?b",
        "http://example.com:8080/a/b?x=1            | /a/b?x=1                   | /a/b          | b        | x=1",
        "https://example.com                        | /                          | /             | ''       | NULL",
        "http://example.com?x=1                     | /?x=1                      | /             | ''       | x=1",
        "/a/b#frag                                  | /a/b#frag                  | /a/b          | b        | NULL",
        "/a?x=1#frag                                | /a?x=1#frag                | /a            | a        | x=1",
        "/a%2Fb/c%20d                               | /a%2Fb/c%20d               | /a/b/c d      | c d      | NULL",
        "/a%2fb%2F                                  | /a%2fb%2F                  | /a/b/         | ''       | NULL",
        "/%zz/%4                                    | /%zz/%4                    | /%zz/%4       | %4       | NULL",
        "/a%00b                                     | /a%00b                     | /a\u0000b     | a\u0000b | NULL",
        "/..%2f..%2fetc/passwd                      | /..%2f..%2fetc/passwd      | /../../etc/passwd | passwd | NULL",
        "*                                          | *                          | *             | *        | NULL",
        "''                                         | ''                         | ''            | ''       | NULL",
        "no-slash?q                                 | no-slash?q                 | no-slash      | no-slash | q"})
    void uriVariables(String raw, String uri, String filename, String basename, String query) {
        Firewall fw = rules("SecAction \"id:1,phase:1,pass\"",
                "SecRule REQUEST_URI \"@unconditionalMatch\" \"id:2,phase:1,pass,setvar:'tx.uri=%{MATCHED_VAR}'\"",
                "SecRule REQUEST_FILENAME \"@unconditionalMatch\" \"id:3,phase:1,pass,setvar:'tx.file=%{MATCHED_VAR}'\"",
                "SecRule REQUEST_BASENAME \"@unconditionalMatch\" \"id:4,phase:1,pass,setvar:'tx.base=%{MATCHED_VAR}'\"",
                "SecRule QUERY_STRING \"@unconditionalMatch\" \"id:5,phase:1,pass,setvar:'tx.qs=%{MATCHED_VAR}'\"",
                "SecRule REQUEST_URI_RAW \"@unconditionalMatch\" \"id:6,phase:1,pass,setvar:'tx.raw=%{MATCHED_VAR}'\"");
        Transaction tx = get(raw).all(fw);
        assertEquals(raw, tx.tx("raw"));
        assertEquals(uri, tx.tx("uri"));
        assertEquals(filename, tx.tx("file"));
        assertEquals(basename, tx.tx("base"));
        assertEquals(query, tx.tx("qs"));
    }

    @Test
    void requestLineMethodProtocolAndQueryArguments() {
        Firewall fw = rules("SecAction \"id:1,phase:1,pass,setvar:'tx.line=%{REQUEST_LINE}',"
                + "setvar:'tx.m=%{REQUEST_METHOD}',setvar:'tx.p=%{REQUEST_PROTOCOL}',setvar:'tx.a=%{ARGS_GET.a}',"
                + "setvar:'tx.sp=%{ARGS.sp}',setvar:'tx.enc=%{ARGS.k y}'\"");
        Transaction tx = Exchange.request("PROPFIND", "/x?a=%41%2b&sp=a+b&k%20y=v").all(fw);
        assertEquals("PROPFIND /x?a=%41%2b&sp=a+b&k%20y=v HTTP/1.1", tx.tx("line"));
        assertEquals("PROPFIND", tx.tx("m"));
        assertEquals("HTTP/1.1", tx.tx("p"));
        assertEquals("A+", tx.tx("a"));
        assertEquals("a b", tx.tx("sp"));
        assertEquals("v", tx.tx("enc"), "argument names are decoded too");
    }

    @Test
    void headersKeepOrderCaseAndRepeats() {
        Firewall fw = rules("SecRule REQUEST_HEADERS:accept \"@rx .\" \"id:1,phase:1,pass,"
                + "setvar:'tx.acc=%{tx.acc}[%{MATCHED_VAR}]'\"",
                "SecRule REQUEST_HEADERS_NAMES \"@rx ^ACCEPT$\" \"id:2,phase:1,pass,setvar:tx.upper=+1\"",
                "SecAction \"id:3,phase:1,pass,setvar:'tx.host=%{SERVER_NAME}'\"");
        Transaction tx = get("/").header("ACCEPT", "a").header("Accept", "b").header("Host", "example.org:8443").all(fw);
        assertEquals("[a][b]", tx.tx("acc"));
        assertEquals("1", tx.tx("upper"), "header names keep their case");
        assertEquals("example.org", tx.tx("host"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=1; b=2                     | a=1;b=2",
        "a=1;b=2;;                    | a=1;b=2",
        "flag; c=3                    | flag=;c=3",
        "=novalue; d=4                | d=4",
        "e=x=y                        | e=x=y",
        "f=\"quoted\"                 | f=\"quoted\""})
    void cookies(String header, String expected) {
        Firewall fw = rules("SecRule REQUEST_COOKIES \"@unconditionalMatch\" \"id:1,phase:1,pass,"
                + "setvar:'tx.c=%{tx.c};%{MATCHED_VAR_NAME}=%{MATCHED_VAR}'\"");
        Transaction tx = get("/").header("Cookie", header).all(fw);
        assertEquals(";" + String.join(";", java.util.Arrays.stream(expected.split(";"))
                .map(p -> "REQUEST_COOKIES:" + p).toList()), tx.tx("c"));
    }

    @Test
    void cookiesFromSeveralHeadersAndTheirNames() {
        Firewall fw = rules("SecRule &REQUEST_COOKIES \"@eq 3\" \"id:1,phase:1,pass\"",
                "SecRule REQUEST_COOKIES_NAMES \"@streq sess\" \"id:2,phase:1,pass\"",
                "SecRule REQUEST_COOKIES|!REQUEST_COOKIES:sess \"@rx secret\" \"id:3,phase:1,pass\"");
        Transaction tx = get("/").header("Cookie", "sess=secret; a=1").header("cookie", "b=2").all(fw);
        assertEquals(List.of(1, 2), ids(tx));
    }
}
