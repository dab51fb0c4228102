package io.solbot.strategies.common.internal;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitsTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("exits-1"));

    /** Buys 1 SOL of BONK at {@code price} (1 000 000 tokens at 0.000001) through the context, as the engine would. */
    private Exits holding(String price, ExitRule... rules) {
        Exits exits = new Exits(List.of(rules));
        market(ctx, BONK, price, 100);
        ctx.orders().buy(BONK, Lamports.ofSol("1"));
        exits.onFill(ctx, ctx.fill(ctx.placedOrders().getLast()));
        return exits;
    }

    private List<PlacedOrder> sells() {
        return ctx.placedOrders().stream().filter(o -> o.side() == Side.SELL).toList();
    }

    private void tick(Exits exits, String price) {
        market(ctx, BONK, price, 100);
        exits.manage(ctx);
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }

    @Test
    void shouldTakeProfitOnceThePriceIsThatFarAboveTheEntry() {
        Exits exits = holding("0.000001", new ExitRule.TakeProfit(pct("20"), pct("100")));
        tick(exits, "0.00000119");
        assertThat(sells()).isEmpty();
        tick(exits, "0.0000012");
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
            assertThat(o.options().reason()).contains("take-profit");
        });
    }

    @Test
    void shouldStopLossOnceThePriceIsThatFarBelowTheEntry() {
        Exits exits = holding("0.000001", new ExitRule.StopLoss(pct("10"), pct("100")));
        tick(exits, "0.00000091");
        assertThat(sells()).isEmpty();
        tick(exits, "0.0000009");
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("stop-loss"));
    }

    @Test
    void shouldTrailTheHighSinceTheEntry() {
        Exits exits = holding("0.000001", new ExitRule.TrailingStop(pct("10")));
        tick(exits, "0.000002"); // the high
        tick(exits, "0.0000019");
        tick(exits, "0.00000181"); // 9.5 % below the high
        assertThat(sells()).isEmpty();
        tick(exits, "0.0000018"); // 10 % below the high, still 80 % above the entry
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("trailing-stop"));
    }

    @Test
    void shouldExitAfterTheMaxHoldOnlyAboveItsMinimumPnl() {
        Exits exits = holding("0.000001", new ExitRule.MaxHold(Duration.ofSeconds(60), pct("-5")));
        ctx.advance(Duration.ofSeconds(59));
        tick(exits, "0.000001");
        assertThat(sells()).isEmpty();
        ctx.advance(Duration.ofSeconds(1));
        tick(exits, "0.00000094"); // held long enough, but 6 % down: below the minimum PnL
        assertThat(sells()).isEmpty();
        tick(exits, "0.00000095");
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("max-hold"));
    }

    @Test
    void shouldExitWhenThePoolLostThatShareOfItsLiquiditySinceTheEntry() {
        Exits exits = holding("0.000001", new ExitRule.LiquidityDrop(pct("40")));
        market(ctx, BONK, "0.000001", 61); // 39 % less
        exits.manage(ctx);
        assertThat(sells()).isEmpty();
        market(ctx, BONK, "0.000001", 60);
        exits.manage(ctx);
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("liquidity-drop"));
    }

    @Test
    void shouldSellAPartOnceAndKeepTheRestUntilAnotherRuleFires() {
        Exits exits = holding(
                "0.000001",
                new ExitRule.StopLoss(pct("10"), pct("100")),
                new ExitRule.TakeProfit(pct("20"), pct("25")));
        TokenAmount held = ctx.positions().getFirst().quantity();
        tick(exits, "0.0000013");
        PlacedOrder part = sells().getFirst();
        assertThat(part.quantity()).isEqualTo(TokenAmount.ofRaw(held.raw().divide(java.math.BigInteger.valueOf(4)), 6));
        tick(exits, "0.0000013"); // in flight: no second order
        assertThat(sells()).hasSize(1);
        exits.onFill(ctx, ctx.fill(part));
        tick(exits, "0.0000014"); // the take profit still holds, but its part was sold
        assertThat(sells()).hasSize(1);
        tick(exits, "0.0000009");
        assertThat(sells()).hasSize(2);
        assertThat(sells().getLast().quantity()).isEqualTo(held.minus(part.quantity()));
        assertThat(sells().getLast().options().reason()).contains("stop-loss");
        exits.onFill(ctx, ctx.fill(sells().getLast()));
        assertThat(ctx.positions()).isEmpty();
        assertThat(ctx.state().asMap()).isEmpty(); // nothing of the closed position is left behind
    }

    @Test
    void shouldNeverAskToSellMoreThanHeldNorNothing() {
        TokenAmount held = TokenAmount.of(3, 6);
        assertThat(Exits.share(held, pct("50"))).isEqualTo(TokenAmount.of(1, 6));
        assertThat(Exits.share(held, pct("1"))).isEqualTo(TokenAmount.of(1, 6));
        assertThat(Exits.share(held, pct("99.99"))).isEqualTo(TokenAmount.of(2, 6));
        assertThat(Exits.share(held, pct("100"))).isEqualTo(held);
    }

    @Test
    void shouldTreatADrainedPoolAsWorthlessAndAnUnknownPriceAsNoSignal() {
        Exits exits = holding("0.000001", new ExitRule.StopLoss(pct("50"), pct("100")));
        ctx.clearPrice(BONK);
        exits.manage(ctx); // the pool is still there, but no price: nothing to judge
        assertThat(sells()).isEmpty();
        ctx.pool(new io.solbot.core.domain.Pool(BONK, 6, Lamports.ZERO, TokenAmount.of(1, 6), 25));
        exits.manage(ctx);
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("stop-loss"));
    }

    @Test
    void shouldTryASaleAgainAfterItFailed() {
        Exits exits = holding("0.000001", new ExitRule.StopLoss(pct("10"), pct("100")));
        tick(exits, "0.0000008");
        PlacedOrder sell = sells().getFirst();
        exits.onOrderFailed(
                new io.solbot.core.domain.OrderFailure(sell.id(), BONK, Side.SELL, "land", "slippage", ctx.now()));
        tick(exits, "0.0000008");
        assertThat(sells()).hasSize(2);
    }
}
