package io.solbot.core.store;

import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import java.time.Instant;
import java.util.Objects;

/**
 * An order the engine decided to execute and has not yet seen the end of. Journalled before the order goes to the
 * executor, cleared when its outcome is known, so that after a crash every order in flight can be resolved, as it was
 * sent: with its options.
 *
 * @param orderId the id the executor and the fill store see
 * @param mint the token
 * @param side buy or sell
 * @param amountIn what the order spends, in raw units of the input mint
 * @param createdAt when it was journalled
 * @param options the options the strategy gave the order ({@link OrderOptions#NONE} if none)
 */
public record OrderIntent(
        OrderId orderId, Mint mint, Side side, TokenAmount amountIn, Instant createdAt, OrderOptions options) {
    public OrderIntent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(options, "options");
    }

    /** An intent of an order with no options. */
    public OrderIntent(OrderId orderId, Mint mint, Side side, TokenAmount amountIn, Instant createdAt) {
        this(orderId, mint, side, amountIn, createdAt, OrderOptions.NONE);
    }
}
