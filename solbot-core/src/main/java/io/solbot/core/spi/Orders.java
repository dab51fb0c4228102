package io.solbot.core.spi;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;

/**
 * Places orders for the bot. An order is checked (safety, budget, maximum trades, open positions, cooldown) and
 * journalled before this method returns; it then executes asynchronously, and its result comes back as {@link
 * Strategy#onFill} or {@link Strategy#onOrderFailed}. Slippage, fees and the wallet come from the bot's config.
 */
public interface Orders {
    /** Spends {@code sol} on {@code mint}. */
    OrderResult buy(Mint mint, Lamports sol);

    /** Sells {@code quantity} of {@code mint} for SOL; at most what the bot holds. */
    OrderResult sell(Mint mint, TokenAmount quantity);
}
