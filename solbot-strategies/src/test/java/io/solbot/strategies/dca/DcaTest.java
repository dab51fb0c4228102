package io.solbot.strategies.dca;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DcaTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("dca-1"));

    private Strategy dca(String fields) {
        return new DcaProvider().create(Scripts.config("dca", "{tokenMint: " + BONK + ", " + fields + "}"));
    }

    private void fillLast(Strategy s) throws Exception {
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getLast()));
    }

    @Test
    void shouldBuyOncePerSlotAndReportWhatDowntimeMissedWithoutBunchingIt() throws Exception {
        ctx.price(BONK, "0.00001");
        Strategy s = dca("amountPerBuy: 0.1, numBuys: 3, freqHours: 1");
        s.onTick(ctx); // slot 0
        fillLast(s);
        ctx.advance(Duration.ofMinutes(30));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);

        ctx.advance(Duration.ofMinutes(30));
        s.onTick(ctx); // slot 1
        fillLast(s);
        assertThat(ctx.placedOrders()).hasSize(2);

        // down for three hours: a new instance (a restart) over the same state, at slot 4
        ctx.advance(Duration.ofHours(3).plusMinutes(10));
        Strategy restarted = dca("amountPerBuy: 0.1, numBuys: 3, freqHours: 1");
        restarted.onTick(ctx);
        restarted.onTick(ctx); // in flight: not again
        assertThat(ctx.placedOrders()).hasSize(3);
        assertThat(ctx.state().get(Dca.MISSED)).contains("2"); // slots 2 and 3, reported, not bought
        fillLast(restarted);

        ctx.advance(Duration.ofHours(5));
        restarted.onTick(ctx); // three buys done
        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::sol)
                .containsExactly(Lamports.ofSol("0.1"), Lamports.ofSol("0.1"), Lamports.ofSol("0.1"));
        assertThat(ctx.state().get(Dca.BUYS)).contains("3");
    }

    @Test
    void shouldSkipASlotOutsideItsPriceGuardsAndTryAFailedBuyAgainWhileItsSlotLasts() throws Exception {
        ctx.solUsd("150");
        ctx.price(BONK, "0.00001"); // 0.0015 USD
        Strategy s = dca("amount: 1, numBuys: 4, freqHours: 1, stopAbove: 0.001, stopBelow: 0.0001");
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();
        assertThat(ctx.state().get(Dca.SKIPPED)).contains("1");

        ctx.advance(Duration.ofHours(1));
        ctx.price(BONK, "0.000005"); // 0.00075 USD: inside
        s.onTick(ctx);
        PlacedOrder first = ctx.placedOrders().getFirst();
        assertThat(first.sol()).isEqualTo(Lamports.ofSol("0.25")); // 1 SOL over 4 buys
        s.onOrderFailed(
                ctx,
                new OrderFailure(
                        first.id(), BONK, Side.BUY, "land", "expired", ctx.now(), Lamports.ZERO, Lamports.ZERO));
        ctx.advance(Duration.ofMinutes(10));
        s.onTick(ctx); // the same slot, tried again
        assertThat(ctx.placedOrders()).hasSize(2);
        assertThat(ctx.state().get(Dca.MISSED)).isEmpty();
    }

    @Test
    void shouldRefuseAConfigWithNeitherOrBothAmountsAndGuardsTheWrongWayRound() {
        assertThatThrownBy(() -> Scripts.config("dca", "{tokenMint: " + BONK + ", numBuys: 3, freqHours: 1}"))
                .hasMessageContaining("amountPerBuy is required (or amount, split over numBuys)");
        assertThatThrownBy(() -> Scripts.config(
                        "dca", "{tokenMint: " + BONK + ", numBuys: 3, freqHours: 1, amount: 1, amountPerBuy: 0.1}"))
                .hasMessageContaining("amount must be left out when amountPerBuy is given");
        assertThatThrownBy(() -> Scripts.config(
                        "dca",
                        "{tokenMint: " + BONK + ", numBuys: 3, freqHours: 1, amount: 1, stopAbove: 1, stopBelow: 2}"))
                .hasMessageContaining("stopBelow must be below stopAbove (1)");
    }

    @Test
    void shouldBuyItsScheduleInARealEngineOnASimulatedMarket() {
        DcaConfig config =
                Scripts.config("dca", "{tokenMint: " + BONK + ", amountPerBuy: 0.05, numBuys: 4, freqHours: 0.25}");
        Backtest.Result result = EngineRuns.run(new DcaProvider(), config, 15, Duration.ofHours(2));
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.BUY && f.part() == f.parts())
                .hasSize(4);
    }
}
