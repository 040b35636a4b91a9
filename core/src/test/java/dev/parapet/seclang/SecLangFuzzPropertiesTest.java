package dev.parapet.seclang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parapet.engine.Firewall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever text is loaded, {@code Firewall.builder().directives(...).build()} returns a firewall or throws
 * {@link SecLangException} — never another exception, and never hangs. The generous timeout only
 * catches hangs; speed is measured elsewhere.
 */
class SecLangFuzzPropertiesTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    /** Relative Includes and data files resolve here, an empty directory, never the working directory. */
    private static Path base;

    @BeforeContainer
    static void createBase() throws IOException {
        base = Files.createTempDirectory("parapet-fuzz");
    }

    @AfterContainer
    static void deleteBase() throws IOException {
        Files.deleteIfExists(base);
    }

    private static void loadsOrFailsCleanly(String text) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                Firewall fw = Firewall.builder().directives("fuzz", text, base).build();
                fw.ruleIds();
            } catch (SecLangException expected) {
                // a clear load error is a fine answer
                if (expected.file() == null) {
                    throw new AssertionError("load error without a location: " + expected.getMessage(), expected);
                }
            } catch (UncheckedIOException e) {
                throw new AssertionError(e);
            }
        }, () -> "loading took longer than " + HANG_GUARD + ":\n" + text);
    }

    @Property(tries = 300)
    void anyTextLoadsOrFailsCleanly(@ForAll String text) {
        loadsOrFailsCleanly(text);
    }

    @Property(tries = 1500)
    void secLangLikeTextLoadsOrFailsCleanly(@ForAll("secLangish") String text) {
        loadsOrFailsCleanly(text);
    }

    @Property(tries = 1500)
    void wellFormedRulesWithRandomPiecesLoadOrFailCleanly(@ForAll("rules") String text) {
        loadsOrFailsCleanly(text);
    }

    private static final List<String> FRAGMENTS = List.of(
            "SecRule", "SecAction", "SecMarker", "SecDefaultAction", "SecRuleEngine", "SecRuleRemoveById",
            "SecRuleRemoveByTag", "SecRuleRemoveByMsg", "SecRuleUpdateTargetById", "SecRuleUpdateTargetByTag",
            "SecRuleUpdateActionById", "SecRequestBodyLimit", "SecResponseBodyMimeType", "SecComponentSignature",
            "SecAuditLogParts", "IncludeOptional", "ARGS", "ARGS:", "!ARGS:x", "&ARGS", "ARGS:/", "/", "ARGS:/(/", "!ARGS:/[/", "|", "XML:/*",
            "REQUEST_HEADERS:User-Agent", "TX:0", "MATCHED_VARS", "\"", "\\\"", "'", "\\'", "\\", "\n", "\\\n", " ",
            "\t", ",", ":", ";", "=", "#", "%{", "}", "%{tx.a}", "@rx", "@pm", "@eq", "@within", "@ipMatch",
            "@validateByteRange", "@detectSQLi", "@streq", "!@rx", "(", ")", "[", "]", "{2,1}", "id:", "id:1",
            "id:2", "phase:1", "phase:2", "chain", "deny", "block", "pass", "allow", "allow:phase", "status:",
            "redirect:", "skip:1", "skipAfter:END", "t:none", "t:lowercase", "t:urlDecodeUni", "msg:'",
            "logdata:", "setvar:", "setvar:tx.a=+1", "setvar:!tx.a", "ctl:", "ctl:ruleEngine=Off",
            "ctl:ruleRemoveTargetById=1;ARGS:", "ctl:ruleRemoveByTag=", "capture", "multiMatch", "nolog", "tag:",
            "On", "Off", "DetectionOnly", "1", "0", "-1", "2-1", "99999999999", "\u00e9", "\u0000", "\r\n");

    @Provide
    Arbitrary<String> secLangish() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    private static final List<String> TARGETS = List.of("ARGS", "ARGS:a", "!ARGS:a", "&ARGS", "ARGS:/^a/",
            "ARGS:/(/", "!ARGS:/[/", "&ARGS:/x{2,1}/", "ARGS_NAMES", "REQUEST_HEADERS:User-Agent", "REQUEST_COOKIES",
            "XML:/*", "TX:0", "TX:/^a/", "MATCHED_VARS", "MATCHED_VAR", "REQUEST_URI", "NOPE", "ARGS:'a", "");

    private static final List<String> OPERATORS = List.of("@rx a", "@rx (", "!@rx ^x$", "@pm a b", "@eq 1",
            "@gt %{tx.a}", "@within GET POST", "@streq x", "@detectSQLi", "@detectXSS", "@ipMatch 10.0.0.0/8",
            "@ipMatch 1.2.3", "@validateByteRange 1-255", "@validateByteRange 300", "@rx %{tx.a}(", "", "x", "@",
            "@unknown");

    private static final List<String> ACTIONS = List.of("phase:1", "phase:2", "phase:5", "pass", "deny", "block",
            "drop", "allow", "allow:phase", "redirect:http://x/%{tx.a}", "t:none", "t:lowercase", "t:urlDecodeUni",
            "t:nope", "capture", "multiMatch", "msg:'m %{MATCHED_VAR}'", "logdata:'%{TX.0}'", "setvar:tx.a=+1",
            "setvar:'tx.%{MATCHED_VAR_NAME}=1'", "setvar:!tx.a", "ctl:ruleRemoveTargetById=1;ARGS:/(/",
            "ctl:ruleRemoveTargetById=2;ARGS:a", "ctl:ruleRemoveByTag=(", "ctl:ruleRemoveById=1-3",
            "ctl:ruleEngine=Off", "ctl:requestBodyProcessor=JSON", "skip:1", "skipAfter:END", "chain",
            "status:403", "nolog", "tag:'a'", "severity:2", "expirevar:tx.a=0", "initcol:ip=%{REMOTE_ADDR}");

    @Provide
    Arbitrary<String> rules() {
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(6);
        Arbitrary<String> target = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(TARGETS)), net.jqwik.api.Tuple.of(1, noise));
        Arbitrary<String> variables = target.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
        Arbitrary<String> operator = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(OPERATORS)), net.jqwik.api.Tuple.of(1, noise));
        Arbitrary<String> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(ACTIONS)), net.jqwik.api.Tuple.of(1, noise));
        Arbitrary<String> actions = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 3),
                action.list().ofMaxSize(5)).as((id, l) -> "id:" + id + (l.isEmpty() ? "" : "," + String.join(",", l)));
        Arbitrary<String> rule = net.jqwik.api.Combinators.combine(variables, operator, actions)
                .as((v, o, a) -> "SecRule " + v + " \"" + o + "\" \"" + a + "\"");
        Arbitrary<String> extra = Arbitraries.of("SecMarker END", "SecRuleRemoveById 2",
                "SecRuleUpdateTargetById 1 !ARGS:/(/", "SecRuleUpdateTargetById 1-3 ARGS_NAMES",
                "SecRuleUpdateActionById 1 deny", "SecDefaultAction \"phase:2,log,deny,status:418\"",
                "SecAction \"id:3,phase:1,pass,setvar:tx.a=5\"");
        Arbitrary<String> line = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, rule), net.jqwik.api.Tuple.of(1, extra));
        return line.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("\n", l));
    }

    /** Rules that load must also run: a request through them never throws. */
    @Property(tries = 1500)
    void loadedRulesRunWithoutThrowing(@ForAll("rules") String text) {
        Firewall fw;
        try {
            fw = Firewall.builder().directives("fuzz", text, base).build();
        } catch (SecLangException e) {
            if (e.file() == null) {
                throw new AssertionError("load error without a location: " + e.getMessage(), e);
            }
            return;
        }
        try (var tx = fw.newTransaction()) {
            tx.processConnection("10.1.2.3", 1234, "10.0.0.1", 80);
            tx.processUri("POST", "/p?a=x&b=select+1&a=%28", "HTTP/1.1");
            tx.addRequestHeader("User-Agent", "ax");
            tx.addRequestHeader("Cookie", "a=1; x=2");
            tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            tx.processRequestHeaders();
            byte[] body = "a=xx&c=<script>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            tx.appendRequestBody(body, 0, body.length);
            tx.processRequestBody();
            tx.addResponseHeader("Content-Type", "text/html");
            tx.processResponseHeaders(200, "HTTP/1.1");
            tx.processResponseBody();
            tx.processLogging();
            tx.matchedRules();
        }
    }
}
