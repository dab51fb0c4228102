package io.solbot.strategies.trendfollower;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Side;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendFollowerTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("trend-1"));

    private TrendFollower strategy(String fields) {
        return (TrendFollower) new TrendFollowerProvider()
                .create(Scripts.config(
                        "trendFollower",
                        "{amountToSpend: 0.1, slippage: 1, interval: 10, maxTrades: 20, monitoredTokens: [" + BONK
                                + "], entryThreshold: 0, volumeThreshold: 0, minPoolUsd: 0, emaPeriods: [2, 3],"
                                + " cooldown: 0, " + fields + "}"));
    }

    /** One-minute bars closing at {@code closes} (in units of 0.00001 SOL), oldest first, the last ending now. */
    private void bars(double... closes) {
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            String close = BigDecimal.valueOf(closes[i]).movePointLeft(5).toPlainString();
            out.add(Scripts.candle(
                    ctx.now().minus(Duration.ofMinutes(closes.length - 1L - i)),
                    Duration.ofMinutes(1),
                    close,
                    close,
                    1));
        }
        ctx.candles(BONK, Duration.ofMinutes(1), out);
    }

    @Test
    void shouldAverageClosesExponentiallyFromTheMeanOfTheFirstPeriod() {
        Trend trend = new Trend(List.of(2, 3));
        List<BigDecimal> emas =
                trend.emas(List.of(BigDecimal.ONE, BigDecimal.TWO, BigDecimal.valueOf(3), BigDecimal.valueOf(4)));
        // period 2: seed (1 + 2) / 2 = 1.5, k = 2/3: 3 × 2/3 + 1.5 / 3 = 2.5, then 4 × 2/3 + 2.5 / 3 = 3.5
        // period 3: seed (1 + 2 + 3) / 3 = 2, k = 1/2: 4 / 2 + 2 / 2 = 3
        assertThat(emas.get(0)).isEqualByComparingTo("3.5");
        assertThat(emas.get(1)).isEqualByComparingTo("3");
    }

    @Test
    void shouldBuyOnlyWhenThePriceAndItsAveragesLineUpUpward() {
        TrendFollower s = strategy("trailingPct: 0.05");
        market(ctx, BONK, "0.000045", 100);
        bars(1, 2);
        s.onTick(ctx);
        assertThat(s.pipeline().verdicts().getLast().why()).isEqualTo("not enough history: 2 of 3 one-minute bars");

        bars(4, 3, 2, 1); // falling
        s.onTick(ctx);
        assertThat(s.pipeline().verdicts().getLast().gate()).isEqualTo("ema-alignment");
        assertThat(s.pipeline().verdicts().getLast().why()).startsWith("not aligned upward: price 0.000045, EMA2");

        bars(1, 2, 3, 4); // EMA2 3.5, EMA3 3, price 4.5
        s.onTick(ctx);
        assertThat(ctx.placedOrders())
                .singleElement()
                .satisfies(o -> assertThat(o.side()).isEqualTo(Side.BUY));
    }

    @Test
    void shouldSellWhenTheTrendReversesAndTrailTheHigh() {
        TrendFollower s = strategy("trailingPct: 0.05, sarEnabled: true");
        market(ctx, BONK, "0.000045", 100);
        bars(1, 2, 3, 4);
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));

        market(ctx, BONK, "0.000044", 100);
        bars(1, 2, 3, 4, 4.4); // still up, 2.2 % off the entry: under the 5 % trailing stop
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);

        market(ctx, BONK, "0.000015", 100);
        bars(4, 3, 2, 1.6); // EMA2 1.87, EMA3 2.3, price 1.5: the trend turned down
        s.onTick(ctx);
        PlacedOrder sale = ctx.placedOrders().getLast();
        assertThat(sale.side()).isEqualTo(Side.SELL);
        assertThat(sale.options().reason()).contains("trend-reversal");
    }

    @Test
    void shouldAddToAWinningPositionUpToItsRiskCap() {
        // an add spends 0.1 × 0.01 / 0.05 = 0.02 SOL; 0.03 / 0.01 = 3 adds at most
        TrendFollower s = strategy("trailingPct: 0.05, pyramidEnabled: true, riskPerAdd: 0.01, maxRisk: 0.03");
        market(ctx, BONK, "0.000045", 100);
        bars(1, 2, 3, 4);
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));

        market(ctx, BONK, "0.000046", 100); // 2.2 % above the last buy: not yet
        bars(1, 2, 3, 4, 4.5);
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);

        double price = 4.5;
        List<Double> closes = new ArrayList<>(List.of(1.0, 2.0, 3.0, 4.0));
        for (int i = 0; i < 5; i++) {
            price = price * 1.06; // 6 % above the last buy each time
            closes.add(price);
            market(ctx, BONK, BigDecimal.valueOf(price).movePointLeft(5).toPlainString(), 100);
            bars(closes.stream().mapToDouble(Double::doubleValue).toArray());
            s.onTick(ctx);
            List<PlacedOrder> orders = ctx.placedOrders();
            if (orders.size() > 1 + i) {
                s.onFill(ctx, ctx.fill(orders.getLast()));
            }
        }
        assertThat(ctx.placedOrders())
                .extracting(PlacedOrder::sol)
                .containsExactly(
                        Lamports.ofSol("0.1"), Lamports.ofSol("0.02"), Lamports.ofSol("0.02"), Lamports.ofSol("0.02"));
        assertThat(ctx.state().get(TrendFollower.ADDS + BONK)).contains("3");
    }

    @Test
    void shouldTradeInARealEngineOnASimulatedMarket() {
        TrendFollowerConfig config = Scripts.config(
                "trendFollower",
                "{amountToSpend: 0.05, slippage: 3, interval: 10, maxTrades: 10, tokenFeed: trending,"
                        + " entryThreshold: 0, volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5, emaPeriods: [2, 4],"
                        + " trailingPct: 0.03, sarEnabled: true, pyramidEnabled: true}");
        Backtest.Result result = EngineRuns.run(new TrendFollowerProvider(), config, 15, Duration.ofHours(3));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.SELL);
    }
}
