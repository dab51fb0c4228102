package io.solbot.core.codec;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A {@link Fill} as solbot's own files keep it (the paper execution log, the lockfiles), bound by Jackson as a record.
 * Amounts and prices are decimal strings, so that no JSON reader rounds them; times are ISO-8601. The bot is not in
 * it: both files keep it once, beside their fills.
 *
 * @param orderId the order; absent in execution log lines written before fills carried it (the line has it)
 * @param reason why the order was placed; absent in files written before fills carried it, read as the side's
 *     default ({@code entry}, {@code exit}, {@code write-off})
 */
public record FillJson(
        String orderId,
        String mint,
        String side,
        String amountIn,
        int inDecimals,
        String amountOut,
        int outDecimals,
        String price,
        long feeLamports,
        long tipLamports,
        String signature,
        int part,
        int parts,
        String submittedAt,
        String filledAt,
        String reason) {

    public static FillJson of(Fill f) {
        return new FillJson(
                f.orderId().value(),
                f.mint().address(),
                f.side().name(),
                f.amountIn().raw().toString(),
                f.amountIn().decimals(),
                f.amountOut().raw().toString(),
                f.amountOut().decimals(),
                f.price().value().toPlainString(),
                f.fee().value(),
                f.tip().value(),
                f.signature().value(),
                f.part(),
                f.parts(),
                f.submittedAt().toString(),
                f.filledAt().toString(),
                f.reason());
    }

    /**
     * The fill of {@code botId}; {@code lineOrderId} stands in for a missing {@link #orderId}.
     *
     * @throws RuntimeException (a parse or validation error) if a field is not what it must be
     */
    public Fill toFill(BotId botId, OrderId lineOrderId) {
        Fill fill = new Fill(
                orderId == null ? lineOrderId : OrderId.of(orderId),
                botId,
                Mint.of(mint),
                Side.valueOf(side),
                new TokenAmount(new BigInteger(amountIn), inDecimals),
                new TokenAmount(new BigInteger(amountOut), outDecimals),
                new Price(new BigDecimal(price)),
                Lamports.of(feeLamports),
                Lamports.of(tipLamports),
                TxSignature.of(signature),
                part,
                parts,
                Instant.parse(submittedAt),
                Instant.parse(filledAt));
        return reason == null ? fill : fill.withReason(reason);
    }
}
