package io.solbot.core.solana.rpc;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a node knows of a landed transaction ({@code getSignatureStatuses}).
 *
 * @param slot the slot it landed in
 * @param confirmations blocks since, or empty once rooted
 * @param err why it failed; empty when it succeeded. The only test of success: a failed transaction lands too (and pays
 *     its fee)
 * @param confirmationStatus how settled it is, if the node says
 */
public record SignatureStatus(
        long slot,
        OptionalLong confirmations,
        Optional<TransactionError> err,
        Optional<Commitment> confirmationStatus) {
    /** Whether it landed without an error. */
    public boolean succeeded() {
        return err.isEmpty();
    }

    /** Whether it is at least as settled as {@code commitment} (a rooted status, without a name, is finalized). */
    public boolean reached(Commitment commitment) {
        Commitment status =
                confirmationStatus.orElse(confirmations.isEmpty() ? Commitment.FINALIZED : Commitment.PROCESSED);
        return status.compareTo(commitment) >= 0;
    }
}
