package io.solbot.core.execution;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.time.Instant;
import java.util.Objects;

/**
 * One order as the engine hands it to a {@link SwapExecutor}, after safety, budget and journal checks, with every
 * option resolved: the order's own {@link OrderOptions} where it set them, the bot's defaults elsewhere ({@link #of}).
 *
 * @param orderId the journalled intent id; executors use it to make retries idempotent
 * @param botId the bot that placed it
 * @param mint the token bought or sold
 * @param side buy (spend SOL) or sell (spend the token)
 * @param amountIn what to spend, in raw units of the input mint (SOL lamports as 9 decimals for a buy)
 * @param slippageBps the most the price may move against the order, in basis points, 0 to 10 000
 * @param priorityFee the priority fee each of its transactions pays, in lamports
 * @param jitoTip the Jito tip each of its transactions pays when it lands, sent as a bundle; zero to send plain
 *     transactions
 * @param wallet the label of the wallet it trades from
 * @param reason why it was placed; its fills carry it (see {@link Fill#reason()})
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
        Lamports jitoTip,
        String wallet,
        String reason,
        Instant submittedAt) {
    public SwapOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(priorityFee, "priorityFee");
        Objects.requireNonNull(jitoTip, "jitoTip");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("an order spends a positive amount, but was " + amountIn);
        }
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new IllegalArgumentException("slippageBps must be between 0 and 10000, but was " + slippageBps);
        }
        if (priorityFee.isNegative() || jitoTip.isNegative()) {
            throw new IllegalArgumentException(
                    "fees and tips cannot be negative, but were " + priorityFee + " and " + jitoTip);
        }
        OrderOptions.checkWallet(wallet);
        Fill.checkReason(reason);
    }

    /**
     * An order from the default wallet with no tip and its side's default reason ({@link Fill#ENTRY} for a buy,
     * {@link Fill#EXIT} for a sell).
     */
    public SwapOrder(
            OrderId orderId,
            BotId botId,
            Mint mint,
            Side side,
            TokenAmount amountIn,
            int slippageBps,
            Lamports priorityFee,
            Instant submittedAt) {
        this(
                orderId,
                botId,
                mint,
                side,
                amountIn,
                slippageBps,
                priorityFee,
                Lamports.ZERO,
                OrderOptions.DEFAULT_WALLET,
                side == Side.BUY ? Fill.ENTRY : Fill.EXIT,
                submittedAt);
    }

    /**
     * The order {@code options} describe, each option it leaves unset taken from the bot's defaults: {@code
     * slippageBps} and {@code priorityFee} (its spec's), no Jito tip, {@link OrderOptions#DEFAULT_WALLET}, and its
     * side's default reason.
     */
    public static SwapOrder of(
            OrderId orderId,
            BotId botId,
            Mint mint,
            Side side,
            TokenAmount amountIn,
            int slippageBps,
            Lamports priorityFee,
            OrderOptions options,
            Instant submittedAt) {
        return new SwapOrder(
                orderId,
                botId,
                mint,
                side,
                amountIn,
                options.slippageBps().orElse(slippageBps),
                options.priorityFee().orElse(priorityFee),
                options.jitoTip().orElse(Lamports.ZERO),
                options.wallet().orElse(OrderOptions.DEFAULT_WALLET),
                options.reason().orElse(side == Side.BUY ? Fill.ENTRY : Fill.EXIT),
                submittedAt);
    }
}
