package dev.parapet.benchmarks;

import dev.parapet.engine.Firewall;
import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.Transaction;
import java.util.Optional;

/**
 * Runs one {@link HttpExchange} through a {@link Firewall} the way a server integration does: every phase in
 * order, stopping the request at the first interruption, and always the logging phase.
 */
public final class TransactionRunner {

    /**
     * What a whole transaction decided.
     *
     * @param interruption the interruption, or {@code null} when the request passed
     * @param matchedRules all matched rules, bookkeeping ({@code nolog}) ones included
     * @param loggedRules matched rules that log: detections, which a benign request must not have
     * @param inboundScore CRS's {@code tx.blocking_inbound_anomaly_score}, {@code null} without CRS
     */
    public record Outcome(Interruption interruption, int matchedRules, int loggedRules, String inboundScore) {

        /** Whether the request was blocked, redirected or dropped. */
        public boolean interrupted() {
            return interruption != null;
        }
    }

    private TransactionRunner() {
    }

    /** Inspects {@code exchange} in a new transaction of {@code firewall}. */
    public static Outcome run(Firewall firewall, HttpExchange exchange) {
        try (Transaction tx = firewall.newTransaction()) {
            Interruption interruption = phases(tx, exchange).orElse(null);
            tx.processLogging();
            int logged = (int) tx.matchedRules().stream().filter(MatchedRule::log).count();
            return new Outcome(interruption, tx.matchedRules().size(), logged, tx.tx("blocking_inbound_anomaly_score"));
        }
    }

    private static Optional<Interruption> phases(Transaction tx, HttpExchange exchange) {
        tx.processConnection("127.0.0.1", 52814, "127.0.0.1", 8080);
        tx.processUri(exchange.method(), exchange.uri(), exchange.protocol());
        for (HttpExchange.Header h : exchange.requestHeaders()) {
            tx.addRequestHeader(h.name(), h.value());
        }
        Optional<Interruption> verdict = tx.processRequestHeaders();
        if (verdict.isPresent()) {
            return verdict;
        }
        byte[] body = exchange.requestBody();
        tx.appendRequestBody(body, 0, body.length);
        verdict = tx.processRequestBody();
        if (verdict.isPresent()) {
            return verdict;
        }
        for (HttpExchange.Header h : exchange.responseHeaders()) {
            tx.addResponseHeader(h.name(), h.value());
        }
        verdict = tx.processResponseHeaders(exchange.status(), exchange.protocol());
        if (verdict.isPresent()) {
            return verdict;
        }
        if (tx.isResponseBodyInspected()) {
            byte[] response = exchange.responseBody();
            tx.appendResponseBody(response, 0, response.length);
        }
        return tx.processResponseBody();
    }
}
