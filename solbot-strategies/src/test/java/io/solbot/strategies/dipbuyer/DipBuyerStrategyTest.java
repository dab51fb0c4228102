package io.solbot.strategies.dipbuyer;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.candle;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DipBuyerStrategyTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("dip-1"));

    @Test
    void shouldBuyOnlyWhenTheChangeOverTheRecoveryWindowIsAtOrBelowMinusTheThreshold() {
        TradingStrategy s = (TradingStrategy) new DipBuyerProvider()
                .create(Scripts.config(
                        "dipBuyer",
                        "{amountToSpend: 0.1, slippage: 1, interval: 30, maxTrades: 5, dipThreshold: 5,"
                                + " volumeThreshold: 0, minPoolUsd: 0, tokenFeed: trending}"));
        ctx.feed(TokenFeed.TRENDING, BONK);
        market(ctx, BONK, "0.00000951", 100);
        ctx.candle(BONK, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.00000951", 5));
        s.onTick(ctx); // -4.9 %
        assertThat(s.verdicts().getFirst().gate()).isEqualTo("dip");
        market(ctx, BONK, "0.0000095", 100);
        ctx.candle(BONK, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.0000095", 5));
        s.onTick(ctx); // -5 %
        assertThat(ctx.placedOrders())
                .singleElement()
                .satisfies(o -> assertThat(o.side()).isEqualTo(Side.BUY));
    }

    @Test
    void shouldBuyAndExitInARealEngineOnASimulatedMarket() {
        DipBuyerConfig config = Scripts.config(
                "dipBuyer",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: trending, dipThreshold: 1,"
                        + " recoveryWindow: 1m, volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5,"
                        + " takeProfit: 3, stopLoss: 5, smartExitMode: time, timeMaxHoldSec: 600}");
        Backtest.Result result = EngineRuns.run(new DipBuyerProvider(), config, 14, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .isNotEmpty()
                .isSubsetOf("take-profit", "stop-loss", "max-hold");
    }
}
