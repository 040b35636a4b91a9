package dev.parapet.servlet;

import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.engine.RuleEngineMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one inspected exchange ended, handed to an {@link ExchangeListener} after phase 5. Holds copies only, so it
 * may be kept after the request is gone.
 *
 * @param transactionId the transaction id
 * @param method the request method
 * @param uri the raw request URI (path and query) as received
 * @param clientAddress the direct peer's address
 * @param status the status sent (the block status for a blocked exchange)
 * @param mode the rule engine mode the transaction ran in
 * @param interruption what stopped the exchange, if anything did
 * @param matchedRules every rule that matched, in order
 * @param inspectionNanos time spent reading and inspecting the request (phases 1 and 2)
 */
public record ExchangeOutcome(String transactionId, String method, String uri, String clientAddress, int status,
        RuleEngineMode mode, Optional<Interruption> interruption, List<MatchedRule> matchedRules,
        long inspectionNanos) {

    public ExchangeOutcome {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(interruption, "interruption");
        matchedRules = List.copyOf(matchedRules);
    }

    /** Whether the exchange was stopped (by a rule or a protection check). */
    public boolean blocked() {
        return interruption.isPresent();
    }

    /** The rules whose disruptive action fired or, in detection-only mode, would have fired. */
    public List<MatchedRule> disruptiveMatches() {
        return matchedRules.stream().filter(MatchedRule::disruptive).toList();
    }
}
