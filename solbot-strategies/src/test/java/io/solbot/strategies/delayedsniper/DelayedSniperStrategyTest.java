package io.solbot.strategies.delayedsniper;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.info;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DelayedSniperStrategyTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("delayed-1"));
    private Instant listed;

    private TradingStrategy strategy(String fields) {
        return (TradingStrategy) new DelayedSniperProvider()
                .create(Scripts.config(
                        "delayedSniper",
                        "{amountToSpend: 0.1, slippage: 1, interval: 1, maxTrades: 5, monitoredTokens: [" + BONK + "],"
                                + " entryThreshold: 0, volumeThreshold: 0, minPoolUsd: 0, " + fields + "}"));
    }

    /** The token's history since its listing, as the warm-up reads it: opened at 0.00001, rose to {@code high}. */
    private void sinceListing(String high, String close) {
        long seconds = Duration.between(listed, ctx.now()).toSeconds();
        Duration window = Duration.ofSeconds(Math.max(1, seconds));
        ctx.candle(
                BONK,
                window,
                new Candle(
                        ctx.now().minus(window),
                        ctx.now(),
                        Price.of("0.00001"),
                        Price.of(high),
                        Price.of("0.00001"),
                        Price.of(close),
                        Lamports.ofSol("10"),
                        TokenAmount.of(1_000_000_000L, 6),
                        10));
    }

    private String lastGate(TradingStrategy s) {
        return s.verdicts().getLast().gate();
    }

    @Test
    void shouldLeaveTheFirstBlocksAloneWantAWarmUpAndBuyOnlyAfterItsDelay() {
        TradingStrategy s = strategy("delayBeforeBuyMs: 1500");
        market(ctx, BONK, "0.0000133", 100);
        listed = ctx.now().minusSeconds(1);
        ctx.tokenInfo(info(BONK, ctx.now(), Duration.ofSeconds(1)));

        s.onTick(ctx); // 1 s after the listing: within its first 3 blocks (1.2 s)
        assertThat(lastGate(s)).isEqualTo("launch-blocks");

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.0000125", "0.0000125");
        s.onTick(ctx); // rose 25 %, short of the 30 % breakout
        assertThat(lastGate(s)).isEqualTo("warm-up");
        assertThat(s.verdicts().getLast().why()).contains("below the breakout of 30");

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.000012");
        s.onTick(ctx); // rose 40 %, then fell back 14.3 % from the high: more than 10 %
        assertThat(lastGate(s)).isEqualTo("warm-up");
        assertThat(s.verdicts().getLast().why()).contains("fell back");

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.0000133");
        s.onTick(ctx); // rose 40 %, 5 % off the high: passes, and waits 1.5 s
        assertThat(lastGate(s)).isEqualTo("delay");
        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.0000133");
        s.onTick(ctx);
        assertThat(lastGate(s)).isEqualTo("delay");
        assertThat(ctx.placedOrders()).isEmpty();

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.0000133");
        s.onTick(ctx); // 2 s after it first passed, and it still does
        assertThat(s.verdicts().getLast().bought()).isTrue();
        assertThat(ctx.placedOrders())
                .singleElement()
                .satisfies(o -> assertThat(o.side()).isEqualTo(Side.BUY));
    }

    @Test
    void shouldWaitAgainForAToken() {
        TradingStrategy s = strategy("delayBeforeBuyMs: 1500");
        market(ctx, BONK, "0.0000133", 100);
        listed = ctx.now().minusSeconds(10);
        ctx.tokenInfo(info(BONK, ctx.now(), Duration.ofSeconds(10)));
        sinceListing("0.000014", "0.0000133");
        s.onTick(ctx);
        assertThat(lastGate(s)).isEqualTo("delay");

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.000012"); // fell back while waiting
        s.onTick(ctx);
        assertThat(lastGate(s)).isEqualTo("warm-up");

        ctx.advance(Duration.ofSeconds(1));
        sinceListing("0.000014", "0.0000133");
        s.onTick(ctx); // passes again: a new wait, not the old one's end
        assertThat(lastGate(s)).isEqualTo("delay");
        assertThat(ctx.placedOrders()).isEmpty();
    }

    @Test
    void shouldBuyInARealEngineOnASimulatedMarket() {
        DelayedSniperConfig config = Scripts.config(
                "delayedSniper",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: new, entryThreshold: 0,"
                        + " volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5, delayBeforeBuyMs: 5000,"
                        + " breakoutPct: 0.02, pullbackPct: 0.5, takeProfit: 5, stopLoss: 5}");
        Backtest.Result result = EngineRuns.run(new DelayedSniperProvider(), config, 15, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
    }
}
