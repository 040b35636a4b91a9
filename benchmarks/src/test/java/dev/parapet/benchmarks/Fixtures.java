package dev.parapet.benchmarks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parapet.engine.Firewall;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** CRS firewalls for the tests, built once per JVM; tests skip when CRS is absent. */
final class Fixtures {

    private static final Map<RulesetFixture, Firewall> FIREWALLS = new EnumMap<>(RulesetFixture.class);

    private Fixtures() {
    }

    static Path crs() {
        Path crs = CrsDirectory.find();
        assumeTrue(crs != null, "CRS 4.28.0 not found (set -Dparapet.shared.dir or -Dparapet.crs.dir); skipping");
        return crs;
    }

    static synchronized Firewall firewall(RulesetFixture ruleset) {
        Path crs = crs();
        return FIREWALLS.computeIfAbsent(ruleset, r -> r.build(crs));
    }
}
