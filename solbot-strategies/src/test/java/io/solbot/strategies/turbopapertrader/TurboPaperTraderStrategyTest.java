package io.solbot.strategies.turbopapertrader;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.spi.BotHaltException;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TurboStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TurboPaperTraderStrategyTest {
    private static final String BASE = "{amountToSpend: 0.1, slippage: 1, interval: 1, maxTrades: 5,"
            + " monitoredTokens: [" + BONK + "], entryThreshold: 0, volumeThreshold: 0, minPoolUsd: 0,"
            + " maxSlippage: 0.5}";

    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("turbo-paper-1"));

    private TurboStrategy strategy(String fields) {
        TurboPaperTraderConfig config = Scripts.config("turboPaperTrader", BASE, fields);
        return (TurboStrategy) new TurboPaperTraderProvider().create(config);
    }

    @Test
    void shouldCapItsAutomaticPriorityFeeAtItsPriorityFeeAndTipEachOrder() throws Exception {
        TurboStrategy s = strategy(
                "{priorityFeeLamports: 8000, autoPriorityFee: true, useJitoBundle: true," + " jitoTipLamports: 5000}");
        market(ctx, BONK, "0.00001", 100);
        ctx.recentPriorityFee(75, 100_000L); // 20 000 lamports for a swap: above the cap
        s.onTick(ctx);
        PlacedOrder buy = ctx.placedOrders().getFirst();
        assertThat(buy.sol()).isEqualTo(Lamports.ofSol("0.1"));
        assertThat(buy.options().priorityFee()).contains(Lamports.of(8_000));
        assertThat(buy.options().jitoTip()).contains(Lamports.of(5_000));
    }

    @Test
    void shouldSellAfterItsFlatSmartExitTimeAndOnItsTrailingStop() throws Exception {
        TurboStrategy s = strategy("{smartExitMode: time, smartExitTimeMins: 2, trailingStopPct: 10}");
        market(ctx, BONK, "0.00001", 100);
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        ctx.advance(Duration.ofMinutes(1));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        ctx.advance(Duration.ofMinutes(1));
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().options().reason()).contains("max-hold");

        RecordingStrategyContext other = new RecordingStrategyContext(BotId.of("turbo-paper-2"));
        TurboStrategy trailing = strategy("{trailingStopPct: 10}");
        market(other, BONK, "0.00001", 100);
        trailing.onTick(other);
        trailing.onFill(other, other.fill(other.placedOrders().getFirst()));
        other.price(BONK, "0.00002");
        trailing.onTick(other);
        other.price(BONK, "0.0000179"); // 10.5 % below its high
        trailing.onTick(other);
        assertThat(other.placedOrders().getLast().options().reason()).contains("trailing-stop");
    }

    @Test
    void shouldHaltAfterHaltOnFailuresFailedOrdersInAllWithItsKillSwitch() throws Exception {
        TurboStrategy s =
                strategy("{killSwitch: true, haltOnFailures: 2, monitoredTokens: [" + BONK + ", " + Scripts.WIF + "]}");
        market(ctx, BONK, "0.00001", 100);
        market(ctx, Scripts.WIF, "0.00001", 100);
        s.onTick(ctx);
        var orders = ctx.placedOrders();
        s.onOrderFailed(ctx, new OrderFailure(orders.get(0).id(), BONK, Side.BUY, "land", "not landed", ctx.now()));
        assertThatThrownBy(() -> s.onOrderFailed(
                        ctx,
                        new OrderFailure(orders.get(1).id(), Scripts.WIF, Side.BUY, "land", "not landed", ctx.now())))
                .isInstanceOf(BotHaltException.class)
                .hasMessageStartingWith("kill switch: 2 failed orders (killThreshold 2)");
    }

    @Test
    void shouldRunItsOrdersWithItsOwnSimulationAndPayItsTipsOnPaper() {
        TurboPaperTraderConfig config = Scripts.config(
                "turboPaperTrader",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: all, entryThreshold: 0,"
                        + " volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5, takeProfit: 3, trailingStopPct: 3,"
                        + " useJitoBundle: true, jitoTipLamports: 10000, execModel: amm_depth, seed: 7}");
        assertThat(config.paperSettings(PaperSettings.defaults(1)).execModel()).isEqualTo(ExecModel.AMM_DEPTH);
        Backtest.Result result = EngineRuns.run(new TurboPaperTraderProvider(), config, 15, Duration.ofMinutes(30));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        // every landed transaction of a bundle pays its tip
        assertThat(result.fills().stream().filter(f -> f.side() == Side.BUY).map(Fill::tip))
                .allMatch(tip -> tip.equals(Lamports.of(10_000)));
    }
}
