package io.solbot.strategies.common.internal;

import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderOptions;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.TurboSignal.Piece;
import java.util.OptionalLong;

/** How a {@link TurboStrategy} sends each order: its priority fee and Jito tip, bumped per retry, and its wallet. */
final class TurboOptions {
    private final TurboPlan plan;

    TurboOptions(TurboPlan plan) {
        this.plan = plan;
    }

    /** The options of {@code piece}'s order: its priority fee and tip (each bumped per retry) and its wallet. */
    OrderOptions of(StrategyContext ctx, Piece piece) {
        OrderOptions options = OrderOptions.NONE;
        Lamports fee = priorityFee(ctx, piece.attempt());
        if (fee != null) {
            options = options.withPriorityFee(fee);
        }
        if (!plan.jitoTip().isZero()) {
            options = options.withJitoTip(plan.jitoTip().plus(plan.bumpTip().times(piece.attempt())));
        }
        if (piece.wallet() != null) {
            options = options.withWallet(piece.wallet());
        }
        return options;
    }

    /** The priority fee of an order sent for the {@code attempt}-th time (0: the first), or null for the bot's. */
    private Lamports priorityFee(StrategyContext ctx, int attempt) {
        TurboPlan.Fee fee = plan.fee();
        long bump = Math.multiplyExact(plan.bumpCuStep(), attempt);
        if (!fee.auto()) {
            Lamports base = fee.fixed();
            if (bump == 0) {
                return base;
            }
            return (base == null ? Lamports.ZERO : base).plus(TurboPlan.Fee.forCuPrice(bump));
        }
        OptionalLong recent = ctx.market().recentPriorityFee(TurboPlan.FEE_PERCENTILE);
        if (recent.isEmpty()) {
            return fee.fixed(); // unknown: no guess, the fixed fee (or the bot's)
        }
        long cuPrice = Math.min(fee.cuMax(), Math.max(fee.cuMin(), Math.addExact(recent.getAsLong(), bump)));
        Lamports lamports = TurboPlan.Fee.forCuPrice(cuPrice);
        return fee.cap() != null && lamports.compareTo(fee.cap()) > 0 ? fee.cap() : lamports;
    }
}
