package io.solbot.strategies.breakout;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.strategies.common.internal.TradingStrategy;

/** The common pipeline with the breakout's watch run first each tick (fakeouts, rugs). */
final class BreakoutStrategy implements Strategy {
    private final BreakoutWatch watch;
    private final TradingStrategy pipeline;

    BreakoutStrategy(BreakoutWatch watch, TradingStrategy pipeline) {
        this.watch = watch;
        this.pipeline = pipeline;
    }

    TradingStrategy pipeline() {
        return pipeline;
    }

    @Override
    public void onTick(StrategyContext ctx) {
        watch.watch(ctx);
        pipeline.onTick(ctx);
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        pipeline.onFill(ctx, fill);
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        pipeline.onOrderFailed(ctx, failure);
    }
}
