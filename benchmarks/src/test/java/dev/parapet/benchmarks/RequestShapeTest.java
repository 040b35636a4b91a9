package dev.parapet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark requests measure what they claim: benign shapes pass CRS at PL1 and PL2 untouched, attacks
 * are blocked, generated bodies have the requested size, and the shapes equal the shared wrk scripts.
 */
class RequestShapeTest {

    static Stream<Arguments> rulesetsAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (RulesetFixture ruleset : RulesetFixture.values()) {
            for (RequestShape shape : RequestShape.values()) {
                cases.add(Arguments.of(ruleset, shape));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rulesetsAndShapes")
    void benignShapesPassAndAttacksAreBlocked(RulesetFixture ruleset, RequestShape shape) {
        TransactionRunner.Outcome outcome = TransactionRunner.run(Fixtures.firewall(ruleset), shape.exchange());
        if (ruleset.blocks(shape)) {
            assertNotNull(outcome.interruption(), shape + " must be blocked");
            assertEquals(403, outcome.interruption().status());
            assertEquals(2, outcome.interruption().phase(), "blocked on the anomaly score in phase 2");
        } else if (shape.attack()) {
            assertNull(outcome.interruption(), () -> shape + " is a documented gap of " + ruleset
                    + " but was blocked: remove the exception in RulesetFixture.blocks");
        } else {
            assertNull(outcome.interruption(), () -> shape + " was blocked: " + outcome.interruption());
            assertEquals(0, outcome.loggedRules(), shape + " must not match any detection rule");
        }
    }

    static Stream<Arguments> generatedBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (RulesetFixture ruleset : RulesetFixture.values()) {
            for (BodySizeBenchmark.Kind kind : BodySizeBenchmark.Kind.values()) {
                for (int bytes : new int[] {1024, 8192, 65536}) {
                    cases.add(Arguments.of(ruleset, kind, bytes));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes")
    @MethodSource("generatedBodies")
    void generatedBodiesHaveTheirSizeAndPass(RulesetFixture ruleset, BodySizeBenchmark.Kind kind, int bytes) {
        HttpExchange exchange = BodySizeBenchmark.exchange(kind, bytes);
        int length = exchange.requestBody().length;
        assertTrue(length >= bytes - 16 && length <= bytes + 300, () -> kind + " body is " + length + " bytes");
        TransactionRunner.Outcome outcome = TransactionRunner.run(Fixtures.firewall(ruleset), exchange);
        assertNull(outcome.interruption(), () -> kind + " " + bytes + " blocked: " + outcome.interruption());
        assertEquals(0, outcome.loggedRules(), kind + " " + bytes + " must not match any detection rule");
    }

    @ParameterizedTest
    @EnumSource(RequestShape.class)
    void everyShapeDeclaresItsBodyLength(RequestShape shape) {
        HttpExchange exchange = shape.exchange();
        String declared = exchange.requestHeaders().stream().filter(h -> h.name().equals("Content-Length"))
                .map(HttpExchange.Header::value).findFirst().orElse("0");
        assertEquals(exchange.requestBody().length, Integer.parseInt(declared));
    }

    @Test
    void multipartShapeIsAbout64Kilobytes() {
        int length = RequestShape.POST_MULTIPART.exchange().requestBody().length;
        assertTrue(length >= 65536 - 64 && length <= 65536 + 64, "multipart body is " + length + " bytes");
    }

    @Test
    void shapesEqualTheSharedWrkScripts() throws IOException {
        Path crs = CrsDirectory.find();
        Path scripts = crs == null ? null : crs.getParent().resolve("bench-shapes");
        assumeTrue(scripts != null && Files.isDirectory(scripts), "shared/bench-shapes not found; skipping");
        assertLuaShape(scripts.resolve("get-query.lua"), RequestShape.GET_QUERY);
        assertLuaShape(scripts.resolve("post-form.lua"), RequestShape.POST_FORM);
        assertLuaShape(scripts.resolve("post-json.lua"), RequestShape.POST_JSON);
    }

    /** Compares path, headers and body with the script's string literals. */
    private static void assertLuaShape(Path script, RequestShape shape) throws IOException {
        String lua = Files.readString(script, StandardCharsets.ISO_8859_1);
        HttpExchange exchange = shape.exchange();
        assertEquals(luaValue(lua, "wrk.method = "), exchange.method(), script + " method");
        assertEquals(luaValue(lua, "wrk.path = "), exchange.uri(), script + " path");
        for (HttpExchange.Header header : exchange.requestHeaders()) {
            if (header.name().equals("Host") || header.name().equals("Content-Length")) {
                continue; // added by wrk itself
            }
            assertEquals(luaValue(lua, "wrk.headers[\"" + header.name() + "\"] = "), header.value(),
                    script + " header " + header.name());
        }
        int luaHeaders = lua.split("wrk\\.headers\\[\"", -1).length - 1;
        assertEquals(luaHeaders - 1, exchange.requestHeaders().stream()
                .filter(h -> !h.name().equals("Host") && !h.name().equals("Content-Length")).count(),
                script + " header count (its Host override aside)");
        String body = lua.contains("wrk.body =") ? luaValue(lua, "wrk.body =") : "";
        assertEquals(body, new String(exchange.requestBody(), StandardCharsets.ISO_8859_1), script + " body");
    }

    /** The value of a Lua assignment made of string literals joined with {@code ..}. */
    private static String luaValue(String lua, String assignment) {
        int at = lua.indexOf(assignment);
        assertFalse(at < 0, "no " + assignment);
        StringBuilder out = new StringBuilder();
        int i = at + assignment.length();
        while (true) {
            while (Character.isWhitespace(lua.charAt(i))) {
                i++;
            }
            if (lua.charAt(i) != '"') {
                throw new AssertionError("expected a string literal after " + assignment);
            }
            i++;
            while (lua.charAt(i) != '"') {
                char c = lua.charAt(i++);
                if (c == '\\') {
                    out.append(lua.charAt(i++));
                } else {
                    out.append(c);
                }
            }
            i++;
            int next = i;
            while (next < lua.length() && Character.isWhitespace(lua.charAt(next))) {
                next++;
            }
            if (!lua.startsWith("..", next)) {
                return out.toString();
            }
            i = next + 2;
        }
    }
}
