package io.solbot.strategies.grid;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GridTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("grid-1"));

    /** Levels 0.001, 0.0015 and 0.002 USD; SOL at 100 USD, so 0.00001, 0.000015 and 0.00002 SOL. */
    private Strategy grid(String fields) {
        ctx.solUsd("100");
        return new GridProvider()
                .create(Scripts.config(
                        "grid",
                        "{tokenMint: " + BONK + ", lowerPrice: 0.001, upperPrice: 0.002, levels: 3,"
                                + " amountPerLevel: 0.1" + fields + "}"));
    }

    private void at(Strategy s, String solPrice) throws Exception {
        ctx.price(BONK, solPrice);
        s.onTick(ctx);
    }

    @Test
    void shouldBuyALevelThePriceFallsThroughAndSellItALevelHigher() throws Exception {
        Strategy s = grid("");
        at(s, "0.000014"); // starts under the middle level: nothing bought for where it starts
        at(s, "0.000013");
        assertThat(ctx.placedOrders()).isEmpty();

        at(s, "0.000017");
        at(s, "0.000015"); // falls through the middle level
        PlacedOrder buy = ctx.placedOrders().getFirst();
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.sol()).isEqualTo(Lamports.ofSol("0.1"));
        s.onFill(ctx, ctx.fill(buy));

        at(s, "0.000019"); // below the level above: held
        assertThat(ctx.placedOrders()).hasSize(1);
        at(s, "0.00002"); // at the level above: sold, the lot whole
        PlacedOrder sale = ctx.placedOrders().getLast();
        assertThat(sale.side()).isEqualTo(Side.SELL);
        assertThat(sale.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
        assertThat(sale.options().reason()).contains(Grid.REASON);
        s.onFill(ctx, ctx.fill(sale));
        assertThat(ctx.state().get(Grid.LEVEL + 1)).isEmpty();

        at(s, "0.000016");
        at(s, "0.000015"); // through it again: bought again
        assertThat(ctx.placedOrders()).hasSize(3);
    }

    @Test
    void shouldSellItsLotsBelowItsFloorAndMoveTheGridToThePrice() throws Exception {
        Strategy s = grid("");
        at(s, "0.000011");
        at(s, "0.00001"); // through the lowest level
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getLast()));

        at(s, "0.000008"); // 0.0008 USD: below the floor, a lot held
        PlacedOrder exit = ctx.placedOrders().getLast();
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.options().reason()).contains(Grid.EXIT_REASON);
        assertThat(ctx.state().get(Grid.RANGE)).isEmpty(); // not moved while the sale is in flight
        s.onFill(ctx, ctx.fill(exit));

        at(s, "0.000008"); // nothing held: the grid moves by 0.0008 / 0.0015 (to 16 digits)
        assertThat(ctx.state().get(Grid.RANGE)).hasValueSatisfying(r -> {
            String[] bounds = r.split(":");
            assertThat(new java.math.BigDecimal(bounds[0])).isEqualByComparingTo("0.0005333333333333333");
            assertThat(new java.math.BigDecimal(bounds[1])).isEqualByComparingTo("0.001066666666666667");
        });
        at(s, "0.0000082");
        at(s, "0.000008"); // 0.0008: the moved grid's middle level
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.BUY);
    }

    @Test
    void shouldStayPutAboveItsRangeWhenNotRebuilding() throws Exception {
        Strategy s = grid(", rebuild: false");
        at(s, "0.00003");
        at(s, "0.00003");
        assertThat(ctx.state().get(Grid.RANGE)).isEmpty();
        assertThat(ctx.placedOrders()).isEmpty();
    }

    @Test
    void shouldTradeItsGridInARealEngineOnASimulatedMarket() {
        // the simulated BONK opens at 0.00000012 SOL, 0.000018 USD at 150 USD a SOL: a grid 3 % either side of it
        GridConfig config = Scripts.config(
                "grid",
                "{tokenMint: " + BONK + ", lowerPrice: 0.00001746, upperPrice: 0.00001854, levels: 7,"
                        + " amountPerLevel: 0.05, interval: 5, rebuild: false}");
        Backtest.Result result = EngineRuns.run(new GridProvider(), config, 15, Duration.ofHours(6));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.SELL);
    }
}
