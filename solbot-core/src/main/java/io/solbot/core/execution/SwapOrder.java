package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.time.Instant;
import java.util.Objects;

/**
 * One order as the engine hands it to a {@link SwapExecutor}, after safety, budget and journal checks.
 *
 * @param orderId the journalled intent id; executors use it to make retries idempotent
 * @param botId the bot that placed it
 * @param mint the token bought or sold
 * @param side buy (spend SOL) or sell (spend the token)
 * @param amountIn what to spend, in raw units of the input mint (SOL lamports as 9 decimals for a buy)
 * @param slippageBps the most the price may move against the order, in basis points
 * @param priorityFee the priority fee to pay, in lamports
 * @param submittedAt when the engine submitted it
 */
public record SwapOrder(
        OrderId orderId,
        BotId botId,
        Mint mint,
        Side side,
        TokenAmount amountIn,
        int slippageBps,
        Lamports priorityFee,
        Instant submittedAt) {
    public SwapOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(priorityFee, "priorityFee");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("an order spends a positive amount, but was " + amountIn);
        }
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new IllegalArgumentException("slippageBps must be between 0 and 10000, but was " + slippageBps);
        }
    }
}
