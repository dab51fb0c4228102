package com.example.hold;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Position;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Buys a token, holds it until its take profit, its stop loss or the end of its holding time, then buys again. */
public final class HoldProvider implements StrategyProvider<HoldConfig> {
    @Override
    public String id() {
        return "hold";
    }

    @Override
    public int spiVersion() {
        return StrategyProvider.SPI_VERSION; // compiled in: the engine checks it
    }

    @Override
    public Class<HoldConfig> configType() {
        return HoldConfig.class;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PRICES);
    }

    @Override
    public Strategy create(HoldConfig config) {
        return new Hold(config);
    }

    /** One bot's strategy. The engine never calls it concurrently, so its field needs no lock. */
    private static final class Hold implements Strategy {
        private final HoldConfig config;
        private boolean orderInFlight;

        Hold(HoldConfig config) {
            this.config = config;
        }

        @Override
        public void onTick(StrategyContext ctx) {
            if (orderInFlight) {
                return;
            }
            Optional<Position> held = ctx.positions().stream()
                    .filter(p -> p.mint().equals(config.mint()))
                    .findFirst();
            if (held.isEmpty()) {
                // checked against the bot's limits and journalled before it returns; executed after the tick
                orderInFlight = ctx.orders()
                        .buy(config.mint(), Lamports.ofSol(config.amountSol()))
                        .isSubmitted();
            } else if (exitIsDue(ctx, held.get())) {
                orderInFlight =
                        ctx.orders().sell(config.mint(), held.get().quantity()).isSubmitted();
            }
        }

        private boolean exitIsDue(StrategyContext ctx, Position position) {
            if (!ctx.now().isBefore(position.openedAt().plusSeconds(config.holdSeconds()))) {
                return true;
            }
            Optional<BigDecimal> change =
                    ctx.market().price(config.mint()).map(price -> price.percentChangeFrom(position.entryPrice()));
            return change.isPresent()
                    && (change.get().compareTo(config.takeProfitPct()) >= 0
                            || change.get().compareTo(config.stopLossPct().negate()) <= 0);
        }

        @Override
        public void onFill(StrategyContext ctx, Fill fill) {
            orderInFlight = fill.part() < fill.parts(); // an order may fill in several parts
        }

        @Override
        public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
            orderInFlight = false;
        }
    }
}
