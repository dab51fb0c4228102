package io.solbot.cluster;

import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Position;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import java.util.List;

/**
 * A strategy that trades on every tick it has no order in flight: buys 0.01 SOL of {@link #MINT} when it holds none,
 * sells all it holds otherwise. Many orders, so that a takeover always finds some in flight.
 */
final class Trader implements Strategy {
    static final Mint MINT = Mint.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    /** The config: nothing to set. */
    record Plan(String name) {}

    /** The provider, one per node. */
    static final class Provider implements StrategyProvider<Plan> {
        @Override
        public String id() {
            return "trader";
        }

        @Override
        public int spiVersion() {
            return StrategyProvider.SPI_VERSION;
        }

        @Override
        public Class<Plan> configType() {
            return Plan.class;
        }

        @Override
        public Strategy create(Plan config) {
            return new Trader();
        }
    }

    private boolean inFlight;

    @Override
    public void onTick(StrategyContext ctx) {
        if (inFlight) {
            return;
        }
        List<Position> held = ctx.positions();
        inFlight = held.isEmpty()
                ? ctx.orders().buy(MINT, Lamports.of(10_000_000)).isSubmitted()
                : ctx.orders().sell(MINT, held.getFirst().quantity()).isSubmitted();
    }

    @Override
    public void onFill(StrategyContext ctx, Fill fill) {
        inFlight = false;
    }

    @Override
    public void onOrderFailed(StrategyContext ctx, OrderFailure failure) {
        inFlight = false;
    }
}
