package io.solbot.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one executed order (or one part of a partially filled order) exchanged, exactly: everything a trade store
 * needs to record it.
 *
 * @param orderId the intent this fill belongs to
 * @param botId the bot that placed the order
 * @param mint the token bought or sold
 * @param side buy (SOL in, token out) or sell (token in, SOL out)
 * @param amountIn what left the wallet, in raw units of the input mint (SOL or the token)
 * @param amountOut what arrived, in raw units of the output mint
 * @param price SOL per whole token that this fill achieved
 * @param fee network fees paid: signature fee plus priority fee
 * @param tip a Jito tip, zero if none
 * @param signature the transaction signature (synthetic for paper fills)
 * @param part which part of the order this is, from 1
 * @param parts how many parts the order was filled in
 * @param submittedAt when the order was submitted
 * @param filledAt when this part landed
 */
public record Fill(
        OrderId orderId,
        BotId botId,
        Mint mint,
        Side side,
        TokenAmount amountIn,
        TokenAmount amountOut,
        Price price,
        Lamports fee,
        Lamports tip,
        TxSignature signature,
        int part,
        int parts,
        Instant submittedAt,
        Instant filledAt) {

    public Fill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(mint, "mint");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(amountOut, "amountOut");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(filledAt, "filledAt");
        if (amountIn.signum() <= 0 || amountOut.signum() <= 0) {
            throw new IllegalArgumentException(
                    "a fill moves positive amounts, but was " + amountIn + " in and " + amountOut + " out");
        }
        if (fee.isNegative() || tip.isNegative()) {
            throw new IllegalArgumentException("fees and tips cannot be negative");
        }
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException("part must be between 1 and " + parts + ", but was " + part);
        }
    }

    /** The tokens this fill bought or sold. */
    public TokenAmount tokens() {
        return side == Side.BUY ? amountOut : amountIn;
    }

    /** The SOL this fill spent (buy) or received (sell), before fees. */
    public Lamports sol() {
        return Lamports.fromTokenAmount(side == Side.BUY ? amountIn : amountOut);
    }
}
