package io.solbot.launcher;

import io.solbot.core.domain.Lamports;

/** How the launcher's tables (status, backtest results) write SOL, so that their PnL columns read alike. */
final class SolText {
    private SolText() {}

    /**
     * {@code amount} in SOL with its sign always written ({@code +0.5}, {@code -0.25}, {@code +0}): a gain and a loss
     * differ at a glance in a column of PnL.
     */
    static String signed(Lamports amount) {
        return (amount.isNegative() ? "" : "+") + amount.toSol().toPlainString();
    }
}
