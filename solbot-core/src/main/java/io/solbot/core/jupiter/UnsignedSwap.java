package io.solbot.core.jupiter;

import java.util.Objects;
import java.util.Optional;

/**
 * A swap transaction Jupiter built for a wallet, not yet signed: its wire bytes, the block height after which it can
 * no longer land, and (Swap API v2) the request id that {@code /execute} wants back. Immutable and thread-safe.
 */
public final class UnsignedSwap {
    private final SwapQuote quote;
    private final byte[] transaction;
    private final long lastValidBlockHeight;
    private final long prioritizationFeeLamports;
    private final String requestId;

    UnsignedSwap(
            SwapQuote quote,
            byte[] transaction,
            long lastValidBlockHeight,
            long prioritizationFeeLamports,
            String requestId) {
        this.quote = Objects.requireNonNull(quote);
        this.transaction = transaction;
        this.lastValidBlockHeight = lastValidBlockHeight;
        this.prioritizationFeeLamports = prioritizationFeeLamports;
        this.requestId = requestId;
    }

    /** The quote the transaction carries out (for v2, the order's own quote). */
    public SwapQuote quote() {
        return quote;
    }

    /** The unsigned transaction in wire format; a fresh copy each call. */
    public byte[] transaction() {
        return transaction.clone();
    }

    /** The last block height at which the transaction can land; after it, it never will. */
    public long lastValidBlockHeight() {
        return lastValidBlockHeight;
    }

    /** The priority fee and tip the transaction pays, in lamports, as Jupiter reports it. */
    public long prioritizationFeeLamports() {
        return prioritizationFeeLamports;
    }

    /** Swap API v2's request id; empty for the Metis API. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "UnsignedSwap[" + quote + ", " + transaction.length + " bytes, valid to block " + lastValidBlockHeight
                + "]";
    }
}
