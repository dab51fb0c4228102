package io.solbot.strategies.limit;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.EngineRuns;
import io.solbot.strategies.common.internal.Scripts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitOrderTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("limit-1"));

    private Strategy limit(String fields) {
        return new LimitProvider().create(Scripts.config("limit", "{tokenMint: " + BONK + ", " + fields + "}"));
    }

    @Test
    void shouldBuyAtOrBelowThenSellItsShareAtOrAboveOnce() throws Exception {
        ctx.solUsd("100");
        Strategy s = limit("buyAtOrBelow: 0.001, amountToSpend: 0.5, sellAtOrAbove: 0.002, sellPct: 50");
        ctx.price(BONK, "0.000011"); // 0.0011 USD
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).isEmpty();

        ctx.price(BONK, "0.00001"); // 0.001 USD: at the limit
        s.onTick(ctx);
        s.onTick(ctx); // in flight: once
        PlacedOrder buy = ctx.placedOrders().getFirst();
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.sol()).isEqualTo(Lamports.ofSol("0.5"));
        s.onFill(ctx, ctx.fill(buy));
        TokenAmount bought = ctx.positions().getFirst().quantity();

        ctx.price(BONK, "0.000019");
        s.onTick(ctx);
        ctx.price(BONK, "0.00002"); // 0.002 USD: at the sell limit
        s.onTick(ctx);
        PlacedOrder sale = ctx.placedOrders().getLast();
        assertThat(sale.side()).isEqualTo(Side.SELL);
        assertThat(sale.quantity().raw()).isEqualTo(bought.raw().shiftRight(1)); // half of it
        assertThat(sale.options().reason()).contains(LimitOrder.REASON);
        s.onFill(ctx, ctx.fill(sale));

        ctx.price(BONK, "0.00003");
        s.onTick(ctx); // each side once
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    @Test
    void shouldTryAFailedBuyAgainAndPlaceNothingOnceExpired() throws Exception {
        ctx.solUsd("100");
        ctx.price(BONK, "0.00001");
        Strategy s = limit("buyAtOrBelow: 0.001, amountToSpend: 0.5, expiryHours: 2");
        s.onTick(ctx);
        PlacedOrder first = ctx.placedOrders().getFirst();
        s.onOrderFailed(
                ctx,
                new OrderFailure(
                        first.id(), BONK, Side.BUY, "quote", "no route", ctx.now(), Lamports.ZERO, Lamports.ZERO));
        ctx.advance(Duration.ofMinutes(10));
        s.onTick(ctx);
        PlacedOrder second = ctx.placedOrders().getLast();
        assertThat(ctx.placedOrders()).hasSize(2);
        s.onOrderFailed(
                ctx,
                new OrderFailure(
                        second.id(), BONK, Side.BUY, "quote", "no route", ctx.now(), Lamports.ZERO, Lamports.ZERO));

        ctx.advance(Duration.ofMinutes(110)); // two hours after its first tick
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(2);
        assertThat(ctx.state().get(LimitOrder.EXPIRED)).isPresent();
    }

    @Test
    void shouldSellOnlyWhatItHolds() throws Exception {
        ctx.solUsd("100");
        ctx.price(BONK, "0.00003");
        Strategy s = limit("sellAtOrAbove: 0.002");
        s.onTick(ctx); // nothing held: nothing to sell
        assertThat(ctx.placedOrders()).isEmpty();
    }

    @Test
    void shouldTakeTheOriginalsMaxFailsAsItsHaltOnFailures() {
        LimitConfig config = Scripts.config(
                "limit", "{tokenMint: " + BONK + ", buyAtOrBelow: 0.001, amountToSpend: 1, maxFails: 5, interval: 3}");
        assertThat(config.settings().maxFailuresInARow()).isEqualTo(5);
        assertThat(config.settings().interval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldRefuseAnOrderWithoutAPriceOrWithItsSellBelowItsBuy() {
        assertThatThrownBy(() -> Scripts.config("limit", "{tokenMint: " + BONK + "}"))
                .hasMessageContaining("buyAtOrBelow is required (or sellAtOrAbove, or both)");
        assertThatThrownBy(() -> Scripts.config("limit", "{tokenMint: " + BONK + ", buyAtOrBelow: 0.001}"))
                .hasMessageContaining("amountToSpend is required with buyAtOrBelow");
        assertThatThrownBy(() -> Scripts.config(
                        "limit",
                        "{tokenMint: " + BONK + ", buyAtOrBelow: 0.002, amountToSpend: 1, sellAtOrAbove: 0.001}"))
                .hasMessageContaining("sellAtOrAbove must be above buyAtOrBelow (0.002)");
    }

    @Test
    void shouldBuyAndSellInARealEngineOnASimulatedMarket() {
        // the simulated BONK opens at 0.00000012 SOL, 0.000018 USD at 150 USD a SOL: a buy at or below 0.0000181, a
        // sell 1 % above that
        LimitConfig config = Scripts.config(
                "limit",
                "{tokenMint: " + BONK + ", buyAtOrBelow: 0.0000181, amountToSpend: 0.1, sellAtOrAbove: 0.00001828,"
                        + " interval: 5}");
        Backtest.Result result = EngineRuns.run(new LimitProvider(), config, 15, Duration.ofHours(6));
        assertThat(result.fills()).anyMatch(f -> f.side() == Side.BUY);
        assertThat(result.fills())
                .anyMatch(f -> f.side() == Side.SELL && f.reason().equals(LimitOrder.REASON));
    }
}
