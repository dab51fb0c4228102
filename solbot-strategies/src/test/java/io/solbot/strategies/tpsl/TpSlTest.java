package io.solbot.strategies.tpsl;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.Listing;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.Scripts;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpSlTest {
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("tpsl-1"));

    private Strategy tpSl(String fields) {
        return new TpSlProvider()
                .create(Scripts.config("tpSl", "{tokenMint: " + BONK + ", amountToSpend: 1, " + fields + "}"));
    }

    private void at(Strategy s, String price) throws Exception {
        ctx.price(BONK, price);
        s.onTick(ctx);
    }

    @Test
    void shouldClimbItsTakeProfitLadderSellingSharesOfThePositionAsBought() throws Exception {
        Strategy s = tpSl("rules: [{tp: 10, sellPct: 25}, {tp: 20, sellPct: 25}, {sl: 10, sellPct: 100}]");
        at(s, "0.00001");
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        BigInteger bought = ctx.positions().getFirst().quantity().raw();

        at(s, "0.0000105"); // +5 %: nothing
        assertThat(ctx.placedOrders()).hasSize(1);
        at(s, "0.000012"); // +20 %: the first rule (the first reached), a quarter
        PlacedOrder first = ctx.placedOrders().getLast();
        at(s, "0.000012"); // in flight: no second sale
        assertThat(ctx.placedOrders()).hasSize(2);
        assertThat(first.quantity().raw()).isEqualTo(bought.divide(BigInteger.valueOf(4)));
        assertThat(first.options().reason()).contains("take-profit");
        s.onFill(ctx, ctx.fill(first));

        at(s, "0.000012"); // the second rule, a quarter of the position as bought, not of what is left
        PlacedOrder second = ctx.placedOrders().getLast();
        assertThat(second.quantity().raw()).isEqualTo(bought.divide(BigInteger.valueOf(4)));
        s.onFill(ctx, ctx.fill(second));

        at(s, "0.0000089"); // -11 %: the stop loss, all that is left
        PlacedOrder stop = ctx.placedOrders().getLast();
        assertThat(stop.options().reason()).contains("stop-loss");
        assertThat(stop.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
        s.onFill(ctx, ctx.fill(stop));
        assertThat(ctx.positions()).isEmpty();

        at(s, "0.00002");
        assertThat(ctx.placedOrders()).hasSize(4); // each rule once
    }

    @Test
    void shouldMeasureFromAnEntryPriceInUsdAndSellWhatIsLeftAfterItsMaxHold() throws Exception {
        ctx.solUsd("100");
        Strategy s = tpSl("entryPrice: 0.002, maxHoldSec: 600, rules: [{tp: 10, sellPct: 50}]");
        at(s, "0.00001"); // the entry at 0.001 USD; measured from 0.002
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        at(s, "0.000021"); // +5 % of 0.002
        assertThat(ctx.placedOrders()).hasSize(1);
        at(s, "0.000022"); // +10 %
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getLast()));

        ctx.advance(Duration.ofMinutes(10));
        at(s, "0.000022");
        PlacedOrder hold = ctx.placedOrders().getLast();
        assertThat(hold.options().reason()).contains("max-hold");
        assertThat(hold.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
    }

    @Test
    void shouldRefuseARuleWithBothOrNeitherOfTpAndSl() {
        assertThatThrownBy(() ->
                        Scripts.config("tpSl", "{tokenMint: " + BONK + ", amountToSpend: 1, rules: [{sellPct: 50}]}"))
                .hasMessageContaining("one of tp and sl is required, not both");
        assertThatThrownBy(() -> Scripts.config(
                        "tpSl", "{tokenMint: " + BONK + ", amountToSpend: 1, rules: [{tp: 5, sl: 5, sellPct: 50}]}"))
                .hasMessageContaining("one of tp and sl is required, not both");
    }

    private static BigInteger sold(List<Fill> sells) {
        return sells.stream().map(f -> f.amountIn().raw()).reduce(BigInteger.ZERO, BigInteger::add);
    }

    @Test
    void shouldSellItsLadderOverPartialFillsInARealEngine() {
        // every order filled in three parts: the entry's parts are summed, and each rule's sale is a share of that sum
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        TpSlConfig config = Scripts.config(
                "tpSl",
                "{tokenMint: " + BONK + ", amountToSpend: 0.3, interval: 5, maxHoldSec: 5400,"
                        + " rules: [{tp: 1, sellPct: 30}, {tp: 2, sellPct: 30}, {sl: 2, sellPct: 100}]}");
        try (SimulatedMarket market =
                        SimulatedMarket.random(RandomMarketSettings.defaults(15, start), Listing.WELL_KNOWN);
                Backtest backtest = Backtest.builder(market)
                        .paper(PaperSettings.defaults(15).withPartials(new PaperSettings.Partials(3, 3)))
                        .engine(engine ->
                                engine.strategyProvider(new TpSlProvider()).seed(15))
                        .build()) {
            backtest.engine()
                    .start(BotSpec.builder(BotId.of("tpsl-1"), "tp-sl", config).build());
            Backtest.Result result = backtest.runUntil(start.plus(Duration.ofHours(2)));
            List<Fill> buys =
                    result.fills().stream().filter(f -> f.side() == Side.BUY).toList();
            List<Fill> sells =
                    result.fills().stream().filter(f -> f.side() == Side.SELL).toList();
            assertThat(buys).hasSize(3).allSatisfy(f -> assertThat(f.parts()).isEqualTo(3));
            TokenAmount bought =
                    buys.stream().map(Fill::amountOut).reduce(TokenAmount::plus).orElseThrow();
            // the two take profits then the stop loss, each sale in three parts too
            assertThat(sells)
                    .extracting(Fill::reason)
                    .containsExactly(
                            "take-profit",
                            "take-profit",
                            "take-profit",
                            "take-profit",
                            "take-profit",
                            "take-profit",
                            "stop-loss",
                            "stop-loss",
                            "stop-loss");
            // each take profit sold 30 % of what the entry's three parts bought; the stop loss the rest
            BigInteger share = bought.raw().multiply(BigInteger.valueOf(30)).divide(BigInteger.valueOf(100));
            assertThat(sold(sells.subList(0, 3))).isEqualTo(share);
            assertThat(sold(sells.subList(3, 6))).isEqualTo(share);
            assertThat(sold(sells)).isEqualTo(bought.raw());
        }
    }
}
