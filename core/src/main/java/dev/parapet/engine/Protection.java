package dev.parapet.engine;

import java.util.Optional;

/**
 * Checks that run before the rules, once per transaction, in {@link Transaction#processRequestHeaders()}:
 * IP allow/deny lists, bans and rate limits ({@code dev.parapet.ratelimit.TrafficGuard}). A check that
 * answers with an interruption stops the transaction before phase 1 when the engine is on; in
 * detection-only mode the verdict is not enforced, and with the engine off no check runs.
 *
 * <p>Implementations are shared by all transactions and must be thread-safe.
 */
@FunctionalInterface
public interface Protection {

    /** Decides on a request whose line and headers are known. */
    Admission admit(ClientRequest request);

    /** One transaction's verdict, told how the transaction ended once it has. */
    interface Admission {

        /** The verdict: empty to let the request on to the rules. */
        Optional<Interruption> interruption();

        /**
         * Called once after phase 5, with the finished transaction (its interruption, its TX variables
         * such as the anomaly score), e.g. to count blocks towards a ban. Must not throw.
         */
        default void completed(Transaction transaction) {
        }

        /** An admission that lets the request through and wants no callback. */
        static Admission pass() {
            return Optional::empty;
        }
    }
}
