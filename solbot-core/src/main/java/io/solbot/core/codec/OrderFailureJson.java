package io.solbot.core.codec;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@link OrderFailure} as solbot's own files keep it (the paper execution log, the lockfiles), bound by Jackson as a
 * record, in the style of {@link FillJson}: times are ISO-8601, fees whole lamports. The bot is not in it: both files
 * keep it once.
 *
 * @param orderId the order; absent in execution log lines written before failures carried it (the line has it)
 * @param feeLamports what the failed transaction paid; absent (read as 0) in execution log lines written before
 *     failures carried it, which is what those versions charged
 * @param tipLamports as {@code feeLamports}, for the tip
 */
public record OrderFailureJson(
        String orderId,
        String mint,
        String side,
        String stage,
        String reason,
        String at,
        long feeLamports,
        long tipLamports) {

    public static OrderFailureJson of(OrderFailure f) {
        return new OrderFailureJson(
                f.orderId().value(),
                f.mint().address(),
                f.side().name(),
                f.stage(),
                f.reason(),
                f.at().toString(),
                f.fee().value(),
                f.tip().value());
    }

    /**
     * The failure it describes.
     *
     * @throws RuntimeException (a parse or validation error) if a field is not what it must be, or the order id is
     *     absent
     */
    public OrderFailure toFailure() {
        return toFailure(null);
    }

    /**
     * The failure it describes; {@code lineOrderId} (may be null) stands in for a missing {@link #orderId}.
     *
     * @throws RuntimeException (a parse or validation error) if a field is not what it must be
     */
    public OrderFailure toFailure(OrderId lineOrderId) {
        return new OrderFailure(
                orderId == null ? Objects.requireNonNull(lineOrderId, "orderId") : OrderId.of(orderId),
                Mint.of(mint),
                Side.valueOf(side),
                stage,
                reason,
                Instant.parse(at),
                Lamports.of(feeLamports),
                Lamports.of(tipLamports));
    }
}
