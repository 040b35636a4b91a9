package dev.parapet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDescriptorTest {

    @Test
    void describesEachTopLevelRuleWithItsSource() {
        Firewall firewall = Firewall.builder().directives("tuning.conf", """
                SecRule ARGS "@rx b" "id:20,phase:2,deny,tag:'attack-x',tag:'PL1',msg:'B found',chain"
                    SecRule ARGS "@rx c" "t:none"
                SecMarker END
                SecAction "id:10,phase:1,pass,nolog"
                """).build();

        List<RuleDescriptor> rules = firewall.rules();

        assertEquals(List.of(10, 20), rules.stream().map(RuleDescriptor::id).toList());
        RuleDescriptor first = rules.get(0);
        assertEquals(new RuleDescriptor(10, 1, "tuning.conf", 4, List.of(), ""), first);
        RuleDescriptor chained = rules.get(1);
        assertEquals(2, chained.phase());
        assertEquals(1, chained.line());
        assertEquals("tuning.conf", chained.file());
        assertEquals(List.of("attack-x", "PL1"), chained.tags());
        assertEquals("B found", chained.message());
        assertEquals(firewall.ruleIds(), rules.stream().map(RuleDescriptor::id).toList());
    }

    @Test
    void isImmutable() {
        RuleDescriptor d = new RuleDescriptor(1, 1, "f", 1, new java.util.ArrayList<>(List.of("a")), null);
        assertEquals("", d.message());
        assertThrows(UnsupportedOperationException.class, () -> d.tags().add("b"));
    }
}
