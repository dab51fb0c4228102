package io.solbot.strategies.trendfollower;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One trend follower: the common pipeline (with the EMA alignment gate and the trailing stop among its gates and
 * exits), and around it what a trend follower does besides:
 *
 * <ul>
 *   <li>stop-and-reverse ({@code sarEnabled}): before the exits run, the positions whose EMAs now line up downward
 *       are marked, and the {@code trend-reversal} exit sells them whole;
 *   <li>pyramiding ({@code pyramidEnabled}): after the pipeline, a position still aligned upward whose price is at
 *       least {@code trailingPct} above its last buy gets an add of {@code amountToSpend × riskPerAdd / trailingPct}
 *       (at most {@code amountToSpend}): sized so that a fall to the trailing stop loses about {@code riskPerAdd} of
 *       {@code amountToSpend}; at most {@code maxRisk / riskPerAdd} adds per position. One add per token in flight;
 *       adds are buys, so {@code maxTrades}, the cooldown and the daily volume count them.
 * </ul>
 *
 * <p>State: {@code pyramid.<mint>}, the adds placed on the position held, written when one is placed or fails and
 * removed when the position is sold out.
 */
final class TrendFollower implements Strategy {
    static final String ADDS = "pyramid.";

    private final TradingStrategy pipeline;
    private final Trend trend;
    private final boolean stopAndReverse;
    private final Set<Mint> reversed;
    private final Lamports addSize;
    private final int maxAdds;
    private final BigDecimal stepPercent;
    private final Map<OrderId, Mint> adding = new HashMap<>();

    /**
     * @param reversed the set the pipeline's {@code trend-reversal} exit reads, filled here before each tick's exits
     * @param addSize what an add spends, or null when pyramiding is off
     */
    TrendFollower(
            TradingStrategy pipeline,
            Trend trend,
            boolean stopAndReverse,
            Set<Mint> reversed,
            Lamports addSize,
            int maxAdds,
            BigDecimal stepPercent) {
        this.pipeline = pipeline;
        this.trend = trend;
        this.stopAndReverse = stopAndReverse;
        this.reversed = reversed;
        this.addSize = addSize;
        this.maxAdds = maxAdds;
        this.stepPercent = stepPercent;
    }

    TradingStrategy pipeline() {
        return pipeline;
    }

    @Override
    public void onTick(StrategyContext ctx) {
        reversed.clear();
        if (stopAndReverse) {
            for (Position p : ctx.positions()) {
                Optional<Price> price = ctx.market().price(p.mint());
                if (price.isPresent() && trend.read(ctx, p.mint(), price.get()).direction() == Trend.Direction.DOWN) {
                    reversed.add(p.mint());
                }
            }
        }
        pipeline.onTick(ctx);
        if (addSize != null) {
            pyramid(ctx);
        }
    }

    private void pyramid(StrategyContext ctx) {
        for (Position p : ctx.positions()) {
            Mint mint = p.mint();
            if (reversed.contains(mint) || pipeline.isSelling(mint) || adding.containsValue(mint)) {
                continue;
            }
            int adds = adds(ctx, mint);
            Optional<Price> price = ctx.market().price(mint);
            if (adds >= maxAdds || price.isEmpty()) {
                continue;
            }
            Price last = p.lots().getLast().entryPrice();
            if (last.isZero()
                    || price.get().percentChangeFrom(last).compareTo(stepPercent) < 0
                    || trend.read(ctx, mint, price.get()).direction() != Trend.Direction.UP) {
                continue;
            }
            if (ctx.orders().buy(mint, addSize) instanceof OrderResult.Submitted submitted) {
                adding.put(submitted.orderId(), mint);
                ctx.state().put(ADDS + mint, Integer.toString(adds + 1));
            }
        }
    }

    private static int adds(StrategyContext ctx, Mint mint) {
        return ctx.state().get(ADDS + mint).map(Integer::parseInt).orElse(0);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        pipeline.onFill(ctx, fill);
        if (fill.part() == fill.parts()) {
            adding.remove(fill.orderId());
        }
        if (fill.side() == Side.SELL
                && ctx.positions().stream().noneMatch(p -> p.mint().equals(fill.mint()))) {
            ctx.state().remove(ADDS + fill.mint());
        }
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        pipeline.onOrderFailed(ctx, failure);
        Mint mint = adding.remove(failure.orderId());
        if (mint != null) {
            // a failed add spent nothing: it takes none of the position's risk
            int adds = adds(ctx, mint) - 1;
            if (adds > 0) {
                ctx.state().put(ADDS + mint, Integer.toString(adds));
            } else {
                ctx.state().remove(ADDS + mint);
            }
        }
    }
}
