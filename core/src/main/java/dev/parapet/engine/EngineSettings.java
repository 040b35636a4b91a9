package dev.parapet.engine;

import java.util.Set;

/**
 * The engine settings a rule set may configure with {@code Sec*} directives. The defaults are those
 * of ModSecurity's recommended configuration ({@code modsecurity.conf-recommended}), so CRS works out
 * of the box: request and response bodies are inspected.
 *
 * @param ruleEngine {@code SecRuleEngine}
 * @param requestBodyAccess {@code SecRequestBodyAccess}
 * @param requestBodyLimit {@code SecRequestBodyLimit}: most request body bytes buffered
 * @param requestBodyNoFilesLimit {@code SecRequestBodyNoFilesLimit}: most bytes outside file parts
 * @param requestBodyLimitAction {@code SecRequestBodyLimitAction}
 * @param requestBodyJsonDepthLimit {@code SecRequestBodyJsonDepthLimit}
 * @param argumentsLimit {@code SecArgumentsLimit}: most arguments a body may add
 * @param responseBodyAccess {@code SecResponseBodyAccess}
 * @param responseBodyMimeTypes {@code SecResponseBodyMimeType}: response types that are inspected
 * @param responseBodyLimit {@code SecResponseBodyLimit}
 * @param responseBodyLimitAction {@code SecResponseBodyLimitAction}
 * @param auditEngine {@code SecAuditEngine}: {@code On}, {@code Off} or {@code RelevantOnly}
 * @param auditLogParts {@code SecAuditLogParts}
 */
public record EngineSettings(
        RuleEngineMode ruleEngine,
        boolean requestBodyAccess,
        long requestBodyLimit,
        long requestBodyNoFilesLimit,
        BodyLimitAction requestBodyLimitAction,
        int requestBodyJsonDepthLimit,
        int argumentsLimit,
        boolean responseBodyAccess,
        Set<String> responseBodyMimeTypes,
        long responseBodyLimit,
        BodyLimitAction responseBodyLimitAction,
        String auditEngine,
        String auditLogParts) {

    public EngineSettings {
        responseBodyMimeTypes = Set.copyOf(responseBodyMimeTypes);
    }

    /** ModSecurity's recommended settings, with the rule engine on. */
    public static EngineSettings defaults() {
        return new EngineSettings(RuleEngineMode.ON, true, 13_107_200, 131_072, BodyLimitAction.REJECT, 512, 1000,
                true, Set.of("text/plain", "text/html", "text/xml"), 524_288, BodyLimitAction.PROCESS_PARTIAL,
                "RelevantOnly", "ABIJDEFHZ");
    }

    EngineSettings withRuleEngine(RuleEngineMode mode) {
        return new EngineSettings(mode, requestBodyAccess, requestBodyLimit, requestBodyNoFilesLimit,
                requestBodyLimitAction, requestBodyJsonDepthLimit, argumentsLimit, responseBodyAccess,
                responseBodyMimeTypes, responseBodyLimit, responseBodyLimitAction, auditEngine, auditLogParts);
    }
}
