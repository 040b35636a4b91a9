package dev.parapet.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.crs.FtwModel.FtwFile;
import dev.parapet.crs.FtwModel.FtwInput;
import dev.parapet.crs.FtwModel.FtwOutput;
import dev.parapet.crs.FtwModel.FtwTest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FtwLoaderTest {
    private final FtwLoader loader = new FtwLoader();

    @Test
    void parsesInputsOutputsAndDefaults() throws Exception {
        String yaml = """
                ---
                meta:
                  author: x
                rule_id: 920100
                tests:
                  - test_id: 7
                    desc: d
                    stages:
                      - input:
                          dest_addr: 127.0.0.1
                          port: 8080
                          method: "     GET"
                          headers:
                            Host: localhost
                            Content-Length: 22
                            Empty:
                          data: "a=1"
                          autocomplete_headers: false
                        output:
                          status: 400
                          log:
                            expect_ids: [920100, 920101]
                            no_expect_ids: [1]
                            match_regex: 'id "9\\d+"'
                  - stages:
                      - input:
                          stop_magic: true
                          encoded_request: "R0VUIC8="
                        output:
                          expect_error: true
                          status: [200, 403]
                          log_contains: abc
                """;
        FtwFile file = loader.parse(Path.of("tests/REQUEST-920/920100.yaml"), yaml);
        assertEquals("REQUEST-920", file.ruleFile());
        assertEquals(920100, file.ruleId());
        FtwTest first = file.tests().get(0);
        assertEquals("920100-7", first.id());
        FtwInput in = first.stages().get(0).input();
        assertEquals("     GET", in.effectiveMethod());
        assertEquals(8080, in.effectivePort());
        assertEquals(Map.of("Host", "localhost", "Content-Length", "22", "Empty", ""), in.headers());
        assertEquals("/", in.effectiveUri());
        assertEquals("HTTP/1.1", in.effectiveVersion());
        assertFalse(in.autocompleteHeaders());
        FtwOutput out = first.stages().get(0).output();
        assertEquals(List.of(400), out.status());
        assertEquals(List.of(920100, 920101), out.expectIds());
        assertEquals(List.of(1), out.noExpectIds());
        assertEquals("id \"9\\d+\"", out.matchRegex());
        assertNull(out.noMatchRegex());

        FtwTest second = file.tests().get(1);
        assertEquals("920100-2", second.id(), "missing test_id is the 1-based position");
        FtwInput raw = second.stages().get(0).input();
        assertFalse(raw.autocompleteHeaders(), "stop_magic: true means no autocompletion");
        assertTrue(raw.isRaw());
        assertEquals("localhost", raw.effectiveDestAddr());
        assertEquals(List.of(200, 403), second.stages().get(0).output().status());
        assertTrue(second.stages().get(0).output().expectError());
        assertEquals("abc", second.stages().get(0).output().logContains());
    }

    @Test
    void emptyDocumentHasNoTestsAndRuleIdFallsBackToFileName() throws Exception {
        FtwFile file = loader.parse(Path.of("d/920539.yaml"), "# all commented out\n");
        assertEquals(920539, file.ruleId());
        assertTrue(file.tests().isEmpty());
        assertEquals(999999, FtwLoader.ruleIdFromFileName(Path.of("999999.yml")));
        assertEquals(0, FtwLoader.ruleIdFromFileName(Path.of("none.yaml")));
    }

    @Test
    void loadsTheWholeCrsSuite() {
        Path tests = CrsPaths.crsDir().resolve("tests/regression/tests");
        List<FtwFile> files = loader.loadAll(tests);
        assertEquals(323, files.size());
        Set<String> ids = new HashSet<>();
        int count = 0;
        for (FtwFile f : files) {
            for (FtwTest t : f.tests()) {
                count++;
                ids.add(t.id());
                assertFalse(t.stages().isEmpty(), t.id());
            }
        }
        // Inventory: 5003 tests; ids are unique across the suite.
        assertEquals(5003, count);
        assertEquals(count, ids.size());
        // Every stage builds and parses without throwing.
        files.stream().flatMap(f -> f.tests().stream()).flatMap(t -> t.stages().stream())
                .forEach(s -> RawRequestParser.parse(FtwRequestBuilder.build(s.input())));
    }
}
