package io.solbot.core.market;

import io.solbot.core.SolbotException;

/**
 * A trade against the simulated market could not happen: the token is unknown, its pool is drained, it cannot be
 * sold (a honeypot), or the pool would pay out less than the order's minimum. {@link #stage()} says where a real
 * swap would have failed.
 */
public final class TradeRefusedException extends SolbotException {
    private static final long serialVersionUID = 1L;

    private final String stage;

    TradeRefusedException(String stage, String message) {
        super(message);
        this.stage = stage;
    }

    /** {@code quote} when no route exists, {@code land} when the transaction would land and revert. */
    public String stage() {
        return stage;
    }
}
