package io.solbot.strategies.sniper;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Side;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SniperBacktestTest {
    @Test
    void shouldBuyAndExitInARealEngineOnASimulatedMarket() {
        SniperConfig config = Scripts.config(
                "sniper",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: trending,"
                        + " entryThreshold: 1, priceWindow: 1m, volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5,"
                        + " takeProfit: 5, stopLoss: 5, smartExitMode: time, timeMaxHoldSec: 600}");
        Backtest.Result result = EngineRuns.run(new SniperProvider(), config, 11, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .isNotEmpty()
                .isSubsetOf("take-profit", "stop-loss", "max-hold");
        assertThat(result.fills().stream()
                        .filter(f -> f.side() == Side.BUY && f.part() == f.parts())
                        .count())
                .isLessThanOrEqualTo(5);
    }
}
