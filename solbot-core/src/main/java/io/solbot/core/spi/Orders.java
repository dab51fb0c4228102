package io.solbot.core.spi;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.TokenAmount;

/**
 * Places orders for the bot. Before this method returns, an order is checked against the bot's limits (for a buy:
 * {@code maxBuy}, the token's cooldown, {@code maxTrades}, {@code maxOpenPositions}; for a sell: what the bot holds
 * and is not already selling), then against every check the host added to the engine (safety verdicts, budgets:
 * none unless the host added them), and journalled; a refused order returns {@link OrderResult.Refused} with the
 * reason, and nothing is sent. An order that passes executes asynchronously, and its result comes back as {@link
 * Strategy#onFill} or {@link Strategy#onOrderFailed}, never during a tick. Slippage and the priority fee come from
 * the bot's spec.
 */
public interface Orders {
    /** Spends {@code sol} on {@code mint}. */
    OrderResult buy(Mint mint, Lamports sol);

    /** Sells {@code quantity} of {@code mint} for SOL; at most what the bot holds. */
    OrderResult sell(Mint mint, TokenAmount quantity);
}
