package io.solbot.strategies.schedulelauncher;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleLauncherTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("schedule-1"));

    private Strategy launcher(String fields) {
        return new ScheduleLauncherProvider()
                .create(Scripts.config("scheduleLauncher", "{outputMint: " + BONK + ", " + fields + "}"));
    }

    @Test
    void shouldWaitForItsStartThenBuyItsShareEachIntervalAndNeverSooner() throws Exception {
        Instant start = ctx.now().plusSeconds(60);
        Strategy s = launcher("amountToSpend: 1, maxTrades: 4, interval: 30, startTime: '" + start + "'");

        s.onTick(ctx);
        ctx.advance(Duration.ofSeconds(59));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx); // at its start: the first of four buys of 0.25 SOL
        ctx.advance(Duration.ofSeconds(10));
        s.onTick(ctx); // a tick sooner than the interval (a restart) buys nothing
        ctx.advance(Duration.ofSeconds(20));
        s.onTick(ctx);

        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::sol)
                .containsExactly(Lamports.ofSol("0.25"), Lamports.ofSol("0.25"));
        assertThat(ctx.state().get(ScheduleLauncher.STARTED)).contains(Long.toString(start.toEpochMilli()));
    }

    @Test
    void shouldStartAtOnceWhenRestarting() throws Exception {
        Strategy s = launcher("amountToSpend: 1, maxTrades: 4, interval: 30, isRestart: true, startTime: '"
                + ctx.now().plusSeconds(3600) + "'");
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
    }

    @Test
    void shouldBuyEachTierOnceAtOrBelowItsPriceAndArmAFailedOneAgain() throws Exception {
        Strategy s =
                launcher("buyMode: limit, limitConfigs: [{price: 0.0015, amount: 0.1}, {price: 0.0012, amount: 0.2}]");
        ctx.solUsd("150");
        ctx.price(BONK, "0.000011"); // 0.00165 USD: above both tiers
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        ctx.price(BONK, "0.00001"); // 0.0015 USD: the first tier
        s.onTick(ctx);
        s.onTick(ctx); // placed: not again
        List<PlacedOrder> first = ctx.placedOrders();
        assertThat(first).extracting(PlacedOrder::sol).containsExactly(Lamports.ofSol("0.1"));

        ctx.price(BONK, "0.000007"); // 0.00105 USD: the second tier too
        s.onTick(ctx);
        PlacedOrder second = ctx.placedOrders().getLast();
        assertThat(second.sol()).isEqualTo(Lamports.ofSol("0.2"));

        s.onFill(ctx, ctx.fill(first.getFirst()));
        s.onOrderFailed(
                ctx,
                new OrderFailure(
                        second.id(), BONK, Side.BUY, "land", "expired", ctx.now(), Lamports.ZERO, Lamports.ZERO));
        s.onTick(ctx); // the first tier is bought; the second, failed, is armed again and bought again
        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::sol)
                .containsExactly(Lamports.ofSol("0.1"), Lamports.ofSol("0.2"), Lamports.ofSol("0.2"));
    }

    @Test
    void shouldBuyItsScheduleInARealEngineOnASimulatedMarket() {
        ScheduleLauncherConfig config = Scripts.config(
                "scheduleLauncher", "{outputMint: " + BONK + ", amountToSpend: 0.3, maxTrades: 3, interval: 60}");
        Backtest.Result result = EngineRuns.run(new ScheduleLauncherProvider(), config, 15, Duration.ofHours(1));
        List<Fill> buys =
                result.fills().stream().filter(f -> f.side() == Side.BUY).toList();
        assertThat(buys).hasSize(3);
        assertThat(buys).allSatisfy(f -> assertThat(f.mint()).isEqualTo(BONK));
    }
}
