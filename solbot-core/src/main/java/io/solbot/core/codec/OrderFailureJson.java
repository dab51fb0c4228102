package io.solbot.core.codec;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import java.time.Instant;

/**
 * An {@link OrderFailure} as solbot's own files keep it (the lockfiles), bound by Jackson as a record, in the style of
 * {@link FillJson}: times are ISO-8601, fees whole lamports. The bot is not in it: the file keeps it once.
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
     * @throws RuntimeException (a parse or validation error) if a field is not what it must be
     */
    public OrderFailure toFailure() {
        return new OrderFailure(
                OrderId.of(orderId),
                Mint.of(mint),
                Side.valueOf(side),
                stage,
                reason,
                Instant.parse(at),
                Lamports.of(feeLamports),
                Lamports.of(tipLamports));
    }
}
