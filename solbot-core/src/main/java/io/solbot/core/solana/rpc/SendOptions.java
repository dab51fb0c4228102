package io.solbot.core.solana.rpc;

import java.util.Objects;

/**
 * How {@code sendTransaction} sends: set explicitly, because the node's defaults (preflight at {@code finalized}, the
 * node rebroadcasting until expiry) do not suit a bot.
 *
 * @param skipPreflight true to send without the node simulating first; a failure then shows only in the status
 * @param preflightCommitment the state the simulation runs against
 * @param maxRetries how often the node itself rebroadcasts; 0 when the caller re-sends (as the live executor does)
 */
public record SendOptions(boolean skipPreflight, Commitment preflightCommitment, int maxRetries) {
    public SendOptions {
        Objects.requireNonNull(preflightCommitment, "preflightCommitment");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, but was " + maxRetries);
        }
    }

    /** A first send: simulated against processed state, so a failing swap is refused before it costs a fee. */
    public static SendOptions firstSend() {
        return new SendOptions(false, Commitment.PROCESSED, 0);
    }

    /** A re-send of the same bytes: no preflight (it would say "already processed" once the first copy landed). */
    public static SendOptions resend() {
        return new SendOptions(true, Commitment.PROCESSED, 0);
    }
}
