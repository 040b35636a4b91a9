package dev.parapet.crs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The go-ftw test file format (ftw-tests-schema v2) as used by the CRS regression suite. Fields that go-ftw
 * defaults are nullable here; the {@code effective*} accessors apply go-ftw's defaults.
 */
final class FtwModel {
    private FtwModel() {}

    /** One YAML file: the tests for one rule, in the directory named after the rule file. */
    record FtwFile(Path path, String ruleFile, int ruleId, List<FtwTest> tests) {}

    /** One test case; {@link #id()} is go-ftw's {@code <rule_id>-<test_id>}. */
    record FtwTest(int ruleId, int testId, String description, List<FtwStage> stages) {
        String id() {
            return ruleId + "-" + testId;
        }
    }

    record FtwStage(FtwInput input, FtwOutput output) {}

    /**
     * A request to send. {@code headers} keeps the YAML map (go-ftw sends it sorted by name); strings are Java
     * text exactly as in the file (not yet UTF-8 encoded).
     */
    record FtwInput(
            String destAddr,
            Integer port,
            String protocol,
            String method,
            String uri,
            String version,
            Map<String, String> headers,
            String data,
            String encodedData,
            String encodedRequest,
            String rawRequest,
            boolean autocompleteHeaders,
            boolean saveCookie) {

        String effectiveMethod() {
            return method == null ? "GET" : method;
        }

        String effectiveUri() {
            return uri == null ? "/" : uri;
        }

        String effectiveVersion() {
            return version == null ? "HTTP/1.1" : version;
        }

        String effectiveDestAddr() {
            return destAddr == null ? "localhost" : destAddr;
        }

        int effectivePort() {
            return port == null ? 80 : port;
        }

        boolean isRaw() {
            return (encodedRequest != null && !encodedRequest.isEmpty())
                    || (rawRequest != null && !rawRequest.isEmpty());
        }
    }

    /** What the stage expects; empty lists / null strings mean "no expectation". */
    record FtwOutput(
            List<Integer> status,
            List<Integer> expectIds,
            List<Integer> noExpectIds,
            String matchRegex,
            String noMatchRegex,
            String logContains,
            String noLogContains,
            String responseContains,
            boolean expectError,
            boolean retryOnce,
            boolean isolated) {

        boolean hasLogExpectations() {
            return !expectIds.isEmpty() || !noExpectIds.isEmpty() || matchRegex != null || noMatchRegex != null
                    || logContains != null || noLogContains != null || isolated;
        }
    }
}
