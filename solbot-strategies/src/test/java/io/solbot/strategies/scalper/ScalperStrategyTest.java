package io.solbot.strategies.scalper;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.candle;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.ExitRule;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScalperStrategyTest {
    private static final String BASE =
            "{scalpAmount: 0.005, slippage: 0.2, interval: 10, maxTrades: 20," + " tokenFeed: trending, minPoolUsd: 0}";
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("scalper-1"));

    private TradingStrategy scalper(String extra) {
        return (TradingStrategy) new ScalperProvider().create(Scripts.config("scalper", BASE, "{" + extra + "}"));
    }

    private void pumped(String open, String close) {
        market(ctx, BONK, close, 100);
        ctx.candle(BONK, Duration.ofMinutes(1), candle(ctx.now(), Duration.ofMinutes(1), open, close, 5));
        ctx.feed(TokenFeed.TRENDING, BONK);
        ctx.solUsd("150");
    }

    @Test
    void shouldBuyAPumpOverItsShortWindowAndHoldNoLongerThanItsMaxHold() {
        TradingStrategy s = scalper("");
        pumped("0.00001", "0.0000102"); // 2 %: below the 3 % default
        s.onTick(ctx);
        assertThat(s.verdicts().getFirst().gate()).isEqualTo("pump");
        pumped("0.00001", "0.0000103");
        s.onTick(ctx);
        PlacedOrder buy = ctx.placedOrders().getFirst();
        assertThat(buy.sol()).isEqualTo(Lamports.ofSol("0.005"));
        s.onFill(ctx, ctx.fill(buy));
        ctx.advance(Duration.ofSeconds(29));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.SELL);
        assertThat(ctx.placedOrders().getLast().options().reason()).contains("max-hold");
    }

    @Test
    void shouldTakeItsSmallProfitAndCutItsSmallLoss() {
        TradingStrategy s = scalper("");
        pumped("0.00001", "0.00001");
        pumped("0.00001", "0.0000103");
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        market(ctx, BONK, "0.00001019", 100); // -1.07 %
        s.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().options().reason()).contains("stop-loss");
        assertThat(ScalperProvider.exits(Scripts.config("scalper", BASE)))
                .containsExactly(
                        new ExitRule.StopLoss(new BigDecimal("1.00"), BigDecimal.valueOf(100)),
                        new ExitRule.TakeProfit(new BigDecimal("3.00"), BigDecimal.valueOf(100)),
                        new ExitRule.MaxHold(Duration.ofSeconds(30), null));
    }

    @Test
    void shouldBuyBelowTheVwapWithSignalsInsteadOfAPump() {
        TradingStrategy s = scalper("useSignals: true, vwapDiscountPct: 1");
        market(ctx, BONK, "0.0000099", 100);
        ctx.feed(TokenFeed.TRENDING, BONK);
        // the candle's VWAP is its close, 0.00001: the price is 1 % below it
        ctx.candle(BONK, Duration.ofMinutes(1), candle(ctx.now(), Duration.ofMinutes(1), "0.0000101", "0.00001", 5));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        market(ctx, BONK, "0.00000995", 100);
        s.onTick(ctx);
        assertThat(s.verdicts()).isEmpty(); // held: not judged again
    }

    @Test
    void shouldRejectAPriceNotFarEnoughBelowTheVwap() {
        TradingStrategy s = scalper("useSignals: true, vwapDiscountPct: 1");
        market(ctx, BONK, "0.00000995", 100);
        ctx.feed(TokenFeed.TRENDING, BONK);
        ctx.candle(BONK, Duration.ofMinutes(1), candle(ctx.now(), Duration.ofMinutes(1), "0.0000101", "0.00001", 5));
        s.onTick(ctx);
        assertThat(s.verdicts().getFirst().gate()).isEqualTo("vwap");
    }

    @Test
    void shouldBuyAndExitInARealEngineOnASimulatedMarket() {
        ScalperConfig config = Scripts.config(
                "scalper",
                "{scalpAmount: 0.05, slippage: 3, interval: 2, maxTrades: 10, tokenFeed: trending,"
                        + " entryThreshold: 1, minPoolUsd: 0, maxSlippage: 0.5}");
        Backtest.Result result = EngineRuns.run(new ScalperProvider(), config, 13, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .isNotEmpty()
                .isSubsetOf("take-profit", "stop-loss", "max-hold");
    }
}
