package io.solbot.strategies.papertrader;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.candle;
import static io.solbot.strategies.common.internal.Scripts.info;
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

class PaperTraderStrategyTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("paper-1"));

    @Test
    void shouldRunTheSniperPipelineWithItsPaperFieldsAccepted() {
        TradingStrategy s = (TradingStrategy) new PaperTraderProvider()
                .create(Scripts.config(
                        "paperTrader",
                        "{snipeAmount: 0.1, slippage: 0.5, interval: 10, maxTrades: 20, execModel: amm_depth,"
                                + " latency: {quoteMs: 50}, partials: {minParts: 1, maxParts: 3},"
                                + " tokenFeed: trending, volumeThreshold: 1000, minPoolUsd: 10000}"));
        ctx.feed(TokenFeed.TRENDING, BONK);
        ctx.solUsd("150");
        market(ctx, BONK, "0.000011", 100);
        ctx.tokenInfo(info(BONK, ctx.now(), Duration.ofDays(1)));
        ctx.candle(BONK, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.0000102", 10));
        ctx.candle(BONK, Duration.ofHours(1), candle(ctx.now(), Duration.ofHours(1), "0.00001", "0.000011", 100));
        s.onTick(ctx); // a 2 % pump: below the sniper's 3 %
        assertThat(s.verdicts().getFirst().gate()).isEqualTo("pump");
        ctx.candle(BONK, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.000011", 10));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        assertThat(s.plan().gates()).extracting(g -> g.name()).containsExactly("pump", "volume", "liquidity");
    }

    @Test
    void shouldBuyAndExitInARealEngineOnASimulatedMarket() {
        PaperTraderConfig config = Scripts.config(
                "paperTrader",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: trending,"
                        + " entryThreshold: 1, priceWindow: 1m, volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5,"
                        + " takeProfit: 5, stopLoss: 5, smartExitMode: time, timeMaxHoldSec: 600}");
        Backtest.Result result = EngineRuns.run(new PaperTraderProvider(), config, 15, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .isNotEmpty()
                .isSubsetOf("take-profit", "stop-loss", "max-hold");
    }

    @Test
    void shouldHaveItsOrdersSimulatedWithItsOwnFailureRatesAndPartials() {
        String fields = "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: trending,"
                + " entryThreshold: 1, priceWindow: 1m, volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5,"
                + " takeProfit: 5, stopLoss: 5, smartExitMode: time, timeMaxHoldSec: 600";
        // the engine's executor splits nothing and fails nothing: what differs comes from the bot's own fields
        Backtest.Result split = EngineRuns.run(
                new PaperTraderProvider(),
                Scripts.config("paperTrader", fields + ", partials: {minParts: 3, maxParts: 3}}"),
                15,
                Duration.ofHours(2));
        Backtest.Result failing = EngineRuns.run(
                new PaperTraderProvider(),
                Scripts.config("paperTrader", fields + ", failureRates: {quote: 1}}"),
                15,
                Duration.ofHours(2));

        assertThat(split.fills())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.parts()).isEqualTo(3));
        assertThat(failing.fills()).isEmpty();
        assertThat(failing.failures())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.stage()).isEqualTo("quote"));
    }
}
