package dev.parapet.spring.internal;

import dev.parapet.engine.Interruption;
import dev.parapet.engine.MatchedRule;
import dev.parapet.servlet.ExchangeListener;
import dev.parapet.servlet.ExchangeOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last blocked exchanges, newest first, for the Actuator endpoint; bounded, so memory stays fixed. */
public final class RecentBlocks implements ExchangeListener {

    /** URIs longer than this are cut: the endpoint shows attack payloads, not whole bodies of them. */
    static final int MAX_URI = 512;

    /**
     * One blocked exchange.
     *
     * @param time when it ended
     * @param transactionId the transaction id (also in the audit log)
     * @param method the request method
     * @param uri the request URI, cut at 512 characters
     * @param clientAddress the direct peer
     * @param status the status sent
     * @param ruleId the rule that blocked (0 for a protection check)
     * @param phase the phase of the block
     * @param reason what blocked other than a rule (rate-limit:NAME, ban, ip-deny-list), or null
     * @param matchedRules ids of every rule that matched
     */
    public record Block(Instant time, String transactionId, String method, String uri, String clientAddress,
            int status, int ruleId, int phase, String reason, List<Integer> matchedRules) {
    }

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Block> blocks;

    /** Keeps the last {@code capacity} blocks (0 keeps none). */
    public RecentBlocks(int capacity, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more");
        }
        this.capacity = capacity;
        this.clock = clock;
        this.blocks = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void completed(ExchangeOutcome outcome) {
        if (capacity == 0 || outcome.interruption().isEmpty()) {
            return;
        }
        Interruption i = outcome.interruption().get();
        String uri = outcome.uri();
        if (uri != null && uri.length() > MAX_URI) {
            uri = uri.substring(0, MAX_URI) + "...";
        }
        Block b = new Block(clock.instant(), outcome.transactionId(), outcome.method(), uri,
                outcome.clientAddress(), outcome.status(), i.ruleId(), i.phase(), i.reason(),
                outcome.matchedRules().stream().map(MatchedRule::id).distinct().toList());
        synchronized (blocks) {
            if (blocks.size() == capacity) {
                blocks.removeLast();
            }
            blocks.addFirst(b);
        }
    }

    /** The kept blocks, newest first. */
    public List<Block> list() {
        synchronized (blocks) {
            return List.copyOf(new ArrayList<>(blocks));
        }
    }
}
