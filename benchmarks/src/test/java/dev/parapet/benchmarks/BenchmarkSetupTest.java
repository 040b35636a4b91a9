package dev.parapet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every component benchmark sets up for every value of its {@code @Param}s and its benchmark methods return
 * the expected answer, so a JMH run never dies on a bad parameter and never measures a matching input where a
 * benign one is intended. The parameter values are read from the annotations, so the two cannot drift apart.
 */
class BenchmarkSetupTest {

    private static String[] params(Class<?> benchmark, String field) {
        try {
            return benchmark.getField(field).getAnnotation(Param.class).value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<String> transformationNames() {
        return Arrays.stream(params(TransformationBenchmark.class, "name"));
    }

    @ParameterizedTest
    @MethodSource("transformationNames")
    void transformations(String name) {
        for (TransformationBenchmark.Input input : TransformationBenchmark.Input.values()) {
            TransformationBenchmark b = new TransformationBenchmark();
            b.name = name;
            b.input = input;
            b.setUp();
            assertNotNull(b.apply());
        }
    }

    @Test
    void encodedInputIsRewrittenByTheDecoders() {
        for (String name : new String[] {"urlDecodeUni", "htmlEntityDecode", "jsDecode", "cssDecode",
                "removeComments", "normalizePath", "normalizePathWin", "compressWhitespace"}) {
            TransformationBenchmark b = new TransformationBenchmark();
            b.name = name;
            b.input = TransformationBenchmark.Input.ENCODED;
            b.setUp();
            assertFalse(b.apply().equals(Inputs.encoded(1024)), name + " should change the encoded input");
        }
    }

    static Stream<String> rxRules() {
        return Arrays.stream(params(RxBenchmark.class, "ruleId"));
    }

    @ParameterizedTest
    @MethodSource("rxRules")
    void regexRules(String ruleId) {
        Fixtures.crs();
        for (String length : params(RxBenchmark.class, "length")) {
            RxBenchmark b = new RxBenchmark();
            b.ruleId = Integer.parseInt(ruleId);
            b.length = Integer.parseInt(length);
            b.setUp();
            assertFalse(b.find());
        }
    }

    @Test
    void regexSweepCoversThePl1RequestRules() {
        Fixtures.crs();
        CrsRegexSweepBenchmark b = new CrsRegexSweepBenchmark();
        b.length = 1024;
        b.setUp();
        assertTrue(b.patternCount() > 100, "CRS has over 100 PL1 request regexes, got " + b.patternCount());
        assertTrue(b.searchAll() < b.patternCount());
        assertEquals(b.searchAll(), b.searchAllReusingMatchers(), "reused matchers find the same matches");
    }

    @Test
    void pmDataFiles() {
        Fixtures.crs();
        for (String file : params(PmBenchmark.class, "dataFile")) {
            PmBenchmark b = new PmBenchmark();
            b.dataFile = file;
            b.setUp();
            assertFalse(b.search(), file);
        }
    }

    @Test
    void libinjectionInputsAreBenign() {
        for (String length : params(LibinjectionBenchmark.class, "length")) {
            LibinjectionBenchmark b = new LibinjectionBenchmark();
            b.length = Integer.parseInt(length);
            b.setUp();
            assertFalse(b.detectSqli());
            assertFalse(b.detectXss());
        }
    }

    @Test
    void cidrLists() {
        for (String networks : params(CidrBenchmark.class, "networks")) {
            CidrBenchmark b = new CidrBenchmark();
            b.networks = Integer.parseInt(networks);
            b.setUp();
            assertTrue(b.ipv4Inside());
            assertFalse(b.ipv4Outside());
            assertFalse(b.ipv6Outside());
        }
    }

    @Test
    void ruleLoadingBuildsTheWholeRuleSet() {
        Fixtures.crs();
        RuleLoadingBenchmark b = new RuleLoadingBenchmark();
        b.ruleset = RulesetFixture.CRS_PL1;
        b.setUp();
        assertTrue(b.warmBuild().ruleCount() > 500, "CRS has more than 500 rules");
    }

    @Test
    void inputsHaveTheRequestedLength() {
        assertEquals(100, Inputs.plain(100).length());
        assertEquals(1024, Inputs.encoded(1024).length());
    }
}
