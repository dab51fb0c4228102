package io.solbot.persistence;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.TokenAmount;
import java.time.Instant;

/**
 * One closed slice of a position: the part of one buy lot that one sell fill closed.
 *
 * @param botId the bot
 * @param mint the token
 * @param entryOrderId the buy that opened the lot
 * @param exitOrderId the sell that closed this slice
 * @param quantity tokens closed
 * @param cost the lot's cost basis for {@code quantity}, entry fees included (shares of cost, proceeds and fees
 *     follow {@link io.solbot.core.domain.ProRata})
 * @param proceeds this slice's share of the SOL the sell brought, before exit fees; zero for a sell that brought
 *     nothing (a worthless token, a write-off)
 * @param exitFees this slice's share of the sell's fees and tip
 * @param pnl {@code proceeds - exitFees - cost}, exact
 * @param entryPrice the price the lot's buy fill achieved, fees not included, as its {@link
 *     io.solbot.core.domain.Lot#entryPrice()}
 * @param exitPrice the price the sell fill achieved; zero for a sell that brought nothing
 * @param exitReason why the position was sold
 * @param openedAt when the lot was bought
 * @param closedAt when the sell landed
 */
public record ClosedTrade(
        BotId botId,
        Mint mint,
        OrderId entryOrderId,
        OrderId exitOrderId,
        TokenAmount quantity,
        Lamports cost,
        Lamports proceeds,
        Lamports exitFees,
        Lamports pnl,
        Price entryPrice,
        Price exitPrice,
        String exitReason,
        Instant openedAt,
        Instant closedAt) {}
