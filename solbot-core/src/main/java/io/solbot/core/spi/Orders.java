package io.solbot.core.spi;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.TokenAmount;

/**
 * Places orders for the bot. Before this method returns, an order is checked against the bot's limits (for a buy:
 * {@code maxBuy}, the token's cooldown, {@code maxTrades}, {@code maxOpenPositions}; for a sell: what the bot holds
 * and is not already selling), then against every check the host added to the engine (safety verdicts: a {@code
 * io.solbot.core.safety.SafetyGate}; budgets: none unless the host added them), and journalled; a refused order returns {@link OrderResult.Refused} with the
 * reason, and nothing is sent. An order that passes executes asynchronously, and its result comes back as {@link
 * Strategy#onFill} or {@link Strategy#onOrderFailed}, never during a tick. Slippage and the priority fee come from
 * the bot's spec, unless the order's {@link OrderOptions} say otherwise; options never change the limits an order
 * is checked against.
 */
public interface Orders {
    /** Spends {@code sol} on {@code mint}, with the bot's own slippage, priority fee and wallet. */
    OrderResult buy(Mint mint, Lamports sol);

    /** Sells {@code quantity} of {@code mint} for SOL; at most what the bot holds. */
    OrderResult sell(Mint mint, TokenAmount quantity);

    /**
     * Spends {@code sol} on {@code mint} as {@code options} say: its own slippage, priority fee, Jito tip, wallet or
     * reason. The engine's implementation honours every option. This default, for implementations written before
     * options existed, places {@link #buy(Mint, Lamports)} when no option is set and refuses the order otherwise,
     * rather than send it otherwise than asked.
     */
    default OrderResult buy(Mint mint, Lamports sol, OrderOptions options) {
        return options.isEmpty() ? buy(mint, sol) : refuseOptions(options);
    }

    /**
     * Sells {@code quantity} of {@code mint} as {@code options} say (for example with the reason {@code
     * take-profit}); at most what the bot holds. The default places {@link #sell(Mint, TokenAmount)} when no option
     * is set and refuses the order otherwise, as {@link #buy(Mint, Lamports, OrderOptions)} does.
     */
    default OrderResult sell(Mint mint, TokenAmount quantity, OrderOptions options) {
        return options.isEmpty() ? sell(mint, quantity) : refuseOptions(options);
    }

    private static OrderResult refuseOptions(OrderOptions options) {
        return new OrderResult.Refused("these orders take no options, so an order with " + options + " is refused");
    }
}
