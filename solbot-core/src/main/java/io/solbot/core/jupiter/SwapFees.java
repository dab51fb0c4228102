package io.solbot.core.jupiter;

/**
 * What a swap transaction pays on top of the network fee to land sooner.
 *
 * @param priorityFeeLamports the priority fee (compute-unit price times limit), in lamports; 0 for none
 * @param jitoTipLamports a tip to a Jito validator, in lamports; 0 for none, else at least 1,000 (Jito's minimum)
 */
public record SwapFees(long priorityFeeLamports, long jitoTipLamports) {
    /** Jito ignores smaller tips. */
    public static final long MIN_JITO_TIP_LAMPORTS = 1_000;

    public static final SwapFees NONE = new SwapFees(0, 0);

    public SwapFees {
        if (priorityFeeLamports < 0) {
            throw new IllegalArgumentException(
                    "priorityFeeLamports must not be negative, but was " + priorityFeeLamports);
        }
        if (jitoTipLamports != 0 && jitoTipLamports < MIN_JITO_TIP_LAMPORTS) {
            throw new IllegalArgumentException(
                    "jitoTipLamports must be 0 or at least " + MIN_JITO_TIP_LAMPORTS + ", but was " + jitoTipLamports);
        }
    }
}
