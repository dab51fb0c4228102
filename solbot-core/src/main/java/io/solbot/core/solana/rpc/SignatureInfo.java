package io.solbot.core.solana.rpc;

import io.solbot.core.domain.TxSignature;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction that touched an address, as {@code getSignaturesForAddress} lists it.
 *
 * @param signature the transaction
 * @param slot where it landed
 * @param err why it failed; empty if it succeeded
 * @param blockTime when its block was produced, if the node knows
 */
public record SignatureInfo(
        TxSignature signature, long slot, Optional<TransactionError> err, Optional<Instant> blockTime) {
    public SignatureInfo {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(blockTime, "blockTime");
    }
}
