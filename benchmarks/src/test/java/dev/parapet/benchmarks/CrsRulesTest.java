package dev.parapet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrsRulesTest {

    @Test
    void readsOperatorsIdsAndParanoiaLevels() {
        Path crs = Fixtures.crs();
        CrsRules.Rule sqli = CrsRules.rule(crs, 942100);
        assertEquals("detectSQLi", sqli.operator());
        assertEquals(1, sqli.paranoiaLevel());
        CrsRules.Rule pl2 = CrsRules.rule(crs, 932220);
        assertEquals("rx", pl2.operator());
        assertEquals(2, pl2.paranoiaLevel());
        CrsRules.Rule data = CrsRules.rule(crs, 930120);
        assertEquals("pmFromFile", data.operator());
        assertEquals("lfi-os-files.data", data.argument());
    }

    @Test
    void chainedLinksBelongToTheirChain() {
        Path crs = Fixtures.crs();
        // 920100's second link tests REQUEST_METHOD; every link carries the chain's id and level.
        List<CrsRules.Rule> links = CrsRules.rules(crs, "REQUEST-920").stream().filter(r -> r.id() == 920100).toList();
        assertTrue(links.size() >= 1);
        assertTrue(CrsRules.rules(crs, "REQUEST-").stream().noneMatch(r -> r.id() == 0), "every rule has an id");
    }
}
