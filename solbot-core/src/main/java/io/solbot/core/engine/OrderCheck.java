package io.solbot.core.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A check every order of every bot passes before it is journalled, after the engine's own limits (maxBuy, cooldown,
 * maxTrades) and before the bot's positions are reserved ({@code maxOpenPositions}, what is held). The seam for safety
 * verdicts (mint and freeze authority, holders, liquidity, honeypots) and budgets; add one with {@link
 * EngineBuilder#orderCheck}. The first check that refuses wins, and nothing is sent.
 *
 * <p>Threading: called on the placing bot's lane, so on many threads at once for different bots; never concurrently
 * for one bot. It may block, but it holds up that bot's tick while it does: answer from a cache. A check that throws
 * refuses the order (fails closed), with its exception in the reason.
 */
@FunctionalInterface
public interface OrderCheck {
    /** Empty to let the order pass, or why it is refused, naming the check ("safety: mint authority is set"). */
    Optional<String> check(Request order);

    /**
     * An order a strategy asked for, as the checks see it.
     *
     * @param botId the bot placing it
     * @param strategyId the bot's strategy
     * @param spec the bot's spec, with its limits
     * @param side buy (spend SOL) or sell (spend the token)
     * @param mint the token bought or sold
     * @param amountIn what the order spends, in raw units of the input mint (lamports as 9 decimals for a buy),
     *     positive
     * @param at when it was placed, on the engine's clock
     */
    record Request(
            BotId botId, String strategyId, BotSpec spec, Side side, Mint mint, TokenAmount amountIn, Instant at) {
        public Request {
            Objects.requireNonNull(botId, "botId");
            Objects.requireNonNull(strategyId, "strategyId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(mint, "mint");
            Objects.requireNonNull(amountIn, "amountIn");
            Objects.requireNonNull(at, "at");
            if (amountIn.signum() <= 0) {
                throw new IllegalArgumentException("an order spends a positive amount, but was " + amountIn);
            }
        }
    }
}
