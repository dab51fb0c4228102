package io.solbot.strategies.breakout;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.candle;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Candle;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakoutStrategyTest {
    private static final String BASE = "{amountToSpend: 0.1, slippage: 1, interval: 30, maxTrades: 5,"
            + " tokenFeed: trending, volumeThreshold: 0, minPoolUsd: 0, cooldown: 0}";
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("breakout-1"));

    private BreakoutStrategy breakout(String extra) {
        return (BreakoutStrategy) new BreakoutProvider().create(Scripts.config("breakout", BASE, "{" + extra + "}"));
    }

    /** Ten flat 1-minute bars at 0.00001 with 1 SOL each, then a last bar to {@code close} with {@code sol}. */
    private void bars(String close, long sol) {
        List<Candle> bars = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            bars.add(candle(ctx.now().minus(Duration.ofMinutes(i)), Duration.ofMinutes(1), "0.00001", "0.00001", 1));
        }
        bars.add(candle(ctx.now(), Duration.ofMinutes(1), "0.00001", close, sol));
        ctx.candles(BONK, Duration.ofMinutes(1), bars);
        market(ctx, BONK, close, 100);
        ctx.feed(TokenFeed.TRENDING, BONK);
    }

    private long buys() {
        return ctx.placedOrders().stream().filter(o -> o.side() == Side.BUY).count();
    }

    private String gate(BreakoutStrategy s) {
        return s.pipeline().verdicts().getFirst().gate();
    }

    @Test
    void shouldBuyACloseAboveTheWindowsHighOnAVolumeSurge() {
        BreakoutStrategy s = breakout("");
        bars("0.0000105", 2);
        s.onTick(ctx);
        assertThat(buys()).isEqualTo(1);
    }

    @Test
    void shouldRejectABreakoutWithoutItsVolumeSurgeOrBelowTheHigh() {
        BreakoutStrategy s = breakout("");
        bars("0.0000105", 1); // 1 SOL against an average of 1: no surge
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("breakout");
        bars("0.00001", 5); // at the high, not above it
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("breakout");
        assertThat(buys()).isZero();
    }

    @Test
    void shouldWaitAfterAFakeoutBeforeBuyingThatTokenAgain() {
        BreakoutStrategy s = breakout("fakeoutCooldownMs: 60000, maxSlippage: 0.00001");
        bars("0.0000105", 2);
        s.onTick(ctx); // a breakout, but the impact cap refuses the buy
        assertThat(gate(s)).isEqualTo("price-impact");
        market(ctx, BONK, "0.0000099", 100); // back below the level: a fakeout
        ctx.advance(Duration.ofSeconds(30));
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("fakeout");
        ctx.advance(Duration.ofSeconds(59));
        bars("0.0000105", 2);
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("fakeout"); // 59 s of the minute since the fakeout was seen
        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("price-impact"); // the cooldown is over
    }

    @Test
    void shouldNeverBuyAgainATokenThatWasRugged() {
        BreakoutStrategy s = breakout("");
        bars("0.0000105", 2);
        ctx.pool(new Pool(BONK, 6, Lamports.ZERO, TokenAmount.of(1, 6), 25));
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("rug-blacklist");
        bars("0.0000105", 2); // the pool is back: still blacklisted, across a restart
        BreakoutStrategy restarted = breakout("");
        restarted.onTick(ctx);
        assertThat(gate(restarted)).isEqualTo("rug-blacklist");
        assertThat(buys()).isZero();
    }

    @Test
    void shouldTradeOnlyInsideItsTimeOfDayWindow() {
        BreakoutStrategy s = breakout("timeOfDayFilter: {start: '09:00', end: '17:30'}"); // the clock is at 00:00 UTC
        bars("0.0000105", 2);
        s.onTick(ctx);
        assertThat(gate(s)).isEqualTo("time-of-day");
        ctx.advance(Duration.ofHours(9));
        bars("0.0000105", 2);
        s.onTick(ctx);
        assertThat(buys()).isEqualTo(1);
    }

    @Test
    void shouldNeedASqueezeAndAnExpansionWithSignals() {
        BreakoutStrategy s = breakout("useSignals: true, squeezeThreshold: 0.01");
        List<Candle> bars = new ArrayList<>();
        for (int i = 10; i >= 1; i--) { // ranging 10 %: no squeeze
            bars.add(candle(ctx.now().minus(Duration.ofMinutes(i)), Duration.ofMinutes(1), "0.00001", "0.000011", 1));
        }
        bars.add(candle(ctx.now(), Duration.ofMinutes(1), "0.00001", "0.000012", 3));
        ctx.candles(BONK, Duration.ofMinutes(1), bars);
        market(ctx, BONK, "0.000012", 100);
        ctx.feed(TokenFeed.TRENDING, BONK);
        s.onTick(ctx);
        assertThat(s.pipeline().verdicts().getFirst().why()).startsWith("no squeeze");
        bars("0.0000105", 2); // flat bars, then a 5 % bar: squeeze and expansion
        s.onTick(ctx);
        assertThat(buys()).isEqualTo(1);
    }

    @Test
    void shouldBuyAndExitInARealEngineOnASimulatedMarket() {
        BreakoutConfig config = Scripts.config(
                "breakout",
                "{amountToSpend: 0.05, slippage: 3, interval: 5, maxTrades: 5, tokenFeed: trending,"
                        + " volumeThreshold: 0, minPoolUsd: 0, maxSlippage: 0.5, minVolumeSurge: 0.5,"
                        + " takeProfit: 5, stopLoss: 5, smartExitMode: time, timeMaxHoldSec: 600}");
        Backtest.Result result = EngineRuns.run(new BreakoutProvider(), config, 12, Duration.ofHours(2));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .extracting(Fill::reason)
                .isNotEmpty()
                .isSubsetOf("take-profit", "stop-loss", "max-hold");
    }
}
