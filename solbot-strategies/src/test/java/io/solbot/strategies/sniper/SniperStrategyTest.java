package io.solbot.strategies.sniper;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.JUP;
import static io.solbot.strategies.common.internal.Scripts.WIF;
import static io.solbot.strategies.common.internal.Scripts.candle;
import static io.solbot.strategies.common.internal.Scripts.info;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenFeed;
import io.solbot.core.spi.Capability;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.ExitRule;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TradingStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SniperStrategyTest {
    private static final String BASE =
            "{amountToSpend: 0.1, slippage: 1, interval: 30, maxTrades: 5, tokenFeed: trending, volumeThreshold: 1000,"
                    + " minPoolUsd: 10000, maxSlippage: 0.05, cooldown: 60}";
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("sniper-1"));

    private static TradingStrategy sniper(String extra) {
        SniperConfig config = Scripts.config("sniper", BASE, "{" + extra + "}");
        return (TradingStrategy) new SniperProvider().create(config);
    }

    /**
     * Lists {@code mint} as a good candidate: up 10 % over 5 minutes, 100 SOL (15 000 USD) traded over the hour, a
     * pool of 100 SOL a side (30 000 USD of liquidity), a day old, SOL at 150 USD.
     */
    private void good(Mint mint) {
        market(ctx, mint, "0.000011", 100);
        ctx.candle(mint, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.000011", 10));
        ctx.candle(mint, Duration.ofHours(1), candle(ctx.now(), Duration.ofHours(1), "0.00001", "0.000011", 100));
        ctx.tokenInfo(info(mint, ctx.now(), Duration.ofDays(1)));
        ctx.solUsd("150");
    }

    private List<PlacedOrder> buys() {
        return ctx.placedOrders().stream().filter(o -> o.side() == Side.BUY).toList();
    }

    private String rejectedBy(TradingStrategy strategy, Mint mint) {
        return strategy.verdicts().stream()
                .filter(v -> v.mint().equals(mint))
                .findFirst()
                .orElseThrow()
                .gate();
    }

    @Test
    void shouldBuyATokenOfItsFeedThatPassesEveryGate() {
        TradingStrategy sniper = sniper("");
        good(BONK);
        ctx.feed(TokenFeed.TRENDING, BONK);
        sniper.onTick(ctx);
        assertThat(buys()).singleElement().satisfies(o -> {
            assertThat(o.mint()).isEqualTo(BONK);
            assertThat(o.sol()).isEqualTo(Lamports.ofSol("0.1"));
        });
        assertThat(sniper.verdicts())
                .singleElement()
                .satisfies(v -> assertThat(v.bought()).isTrue());
    }

    @Test
    void shouldNameTheGateThatRejectedEachToken() {
        TradingStrategy sniper =
                sniper("minTokenAgeMinutes: 60, maxMarketCap: 10000000, targetPriceUSD: 1, maxSlippage: 0.005");
        Mint young = Mint.of("So11111111111111111111111111111111111111112");
        Mint flat = BONK;
        Mint quiet = WIF;
        Mint shallow = JUP;
        Mint pricey = Mint.of("7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr");
        Mint big = Mint.of("HZ1JovNiVvGrGNiiYvEozEVgZ58xaU3RKwX8eACQBCt3");
        Mint impact = Mint.of("MEW1gQWJ3nEXg2qgERiKu7FAFj79PHvQVREQUzScPP5");
        for (Mint m : List.of(young, flat, quiet, shallow, pricey, big, impact)) {
            good(m);
        }
        ctx.tokenInfo(info(young, ctx.now(), Duration.ofMinutes(59)));
        ctx.candle(flat, Duration.ofMinutes(5), candle(ctx.now(), Duration.ofMinutes(5), "0.00001", "0.0000102", 10));
        ctx.candle(quiet, Duration.ofHours(1), candle(ctx.now(), Duration.ofHours(1), "0.00001", "0.000011", 6));
        market(ctx, shallow, "0.000011", 30); // 60 SOL of liquidity: 9 000 USD
        market(ctx, pricey, "0.01", 100); // 1.5 USD a token
        ctx.tokenInfo(new io.solbot.core.domain.TokenInfo(
                big,
                "BIG",
                6,
                io.solbot.core.domain.TokenAmount.fromDecimal(new java.math.BigDecimal("10000000000"), 6),
                ctx.now().minus(Duration.ofDays(1)))); // 16 500 000 USD
        market(ctx, impact, "0.000011", 34); // 10 200 USD of liquidity; a 0.1 SOL buy moves it 0.54 %, fee included
        ctx.feed(TokenFeed.TRENDING, young, flat, quiet, shallow, pricey, big, impact);

        sniper.onTick(ctx);

        assertThat(rejectedBy(sniper, young)).isEqualTo("token-age");
        assertThat(rejectedBy(sniper, flat)).isEqualTo("pump");
        assertThat(rejectedBy(sniper, quiet)).isEqualTo("volume");
        assertThat(rejectedBy(sniper, shallow)).isEqualTo("liquidity");
        assertThat(rejectedBy(sniper, pricey)).isEqualTo("target-price");
        assertThat(rejectedBy(sniper, big)).isEqualTo("market-cap");
        assertThat(rejectedBy(sniper, impact)).isEqualTo("price-impact"); // above 50 bps
        assertThat(buys()).isEmpty();
        assertThat(sniper.verdicts()).hasSize(7);
    }

    @Test
    void shouldRefuseABuyWhosePriceImpactIsAboveTheCap() {
        TradingStrategy sniper = sniper("maxSlippage: 0.005, minPoolUsd: 0");
        good(BONK);
        market(ctx, BONK, "0.000011", 30); // 0.1 SOL into 30 SOL: 0.33 % impact + 0.25 % fee
        ctx.feed(TokenFeed.TRENDING, BONK);
        sniper.onTick(ctx);
        assertThat(rejectedBy(sniper, BONK)).isEqualTo("price-impact");
        market(ctx, BONK, "0.000011", 1000);
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(1);
    }

    @Test
    void shouldRejectWhatItCannotJudgeRatherThanPassIt() {
        TradingStrategy sniper = sniper("");
        market(ctx, BONK, "0.000011", 100);
        ctx.feed(TokenFeed.TRENDING, BONK);
        sniper.onTick(ctx); // no candles, no SOL price
        assertThat(rejectedBy(sniper, BONK)).isEqualTo("pump");
        assertThat(buys()).isEmpty();
    }

    @Test
    void shouldBuyAMintOnlyAgainAfterItsCooldownAndNeverWhileHoldingIt() {
        TradingStrategy sniper = sniper("maxTrades: 5");
        good(BONK);
        ctx.feed(TokenFeed.TRENDING, BONK);
        sniper.onTick(ctx);
        PlacedOrder buy = buys().getFirst();
        sniper.onFill(ctx, ctx.fill(buy));
        ctx.advance(Duration.ofSeconds(61));
        sniper.onTick(ctx); // held
        assertThat(buys()).hasSize(1);
        PlacedOrder sell = ctx.orders().sell(BONK, ctx.positions().getFirst().quantity())
                        instanceof io.solbot.core.spi.OrderResult.Submitted
                ? ctx.placedOrders().getLast()
                : null;
        sniper.onFill(ctx, ctx.fill(sell));
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(2);
        PlacedOrder second = buys().getLast();
        sniper.onOrderFailed(ctx, new OrderFailure(second.id(), BONK, Side.BUY, "send", "dropped", ctx.now()));
        ctx.advance(Duration.ofSeconds(59));
        sniper.onTick(ctx); // failed, but still cooling down
        assertThat(buys()).hasSize(2);
        ctx.advance(Duration.ofSeconds(1));
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(3);
    }

    @Test
    void shouldNeverHoldMoreThanMaxOpenTradesCountingBuysInFlight() {
        TradingStrategy sniper = sniper("maxOpenTrades: 2");
        good(BONK);
        good(WIF);
        good(JUP);
        ctx.feed(TokenFeed.TRENDING, BONK, WIF, JUP);
        sniper.onTick(ctx);
        assertThat(buys()).extracting(PlacedOrder::mint).containsExactly(BONK, WIF);
        sniper.onFill(ctx, ctx.fill(buys().getFirst()));
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(2);
    }

    @Test
    void shouldStopAtMaxTradesAndAtTheDailyVolumeCapAcrossARestart() {
        TradingStrategy sniper = sniper("maxTrades: 2, maxDailyVolume: 0.25, cooldown: 0");
        good(BONK);
        good(WIF);
        good(JUP);
        ctx.feed(TokenFeed.TRENDING, BONK, WIF, JUP);
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(2); // 0.2 SOL; a third would pass maxTrades and 0.25 SOL
        buys().forEach(b -> sniper.onFill(ctx, ctx.fill(b)));

        TradingStrategy restarted = sniper("maxTrades: 3, maxDailyVolume: 0.25, cooldown: 0");
        restarted.onTick(ctx); // 2 trades and 0.2 SOL today, from the state
        assertThat(buys()).hasSize(2);
        ctx.advance(Duration.ofDays(1));
        restarted.onTick(ctx); // a new day: room for 0.1 SOL more, and one trade
        assertThat(buys()).hasSize(3);
    }

    @Test
    void shouldHaltBuyingAfterHaltOnFailuresFailedOrdersInARowButKeepItsExits() {
        TradingStrategy sniper = sniper("haltOnFailures: 2, cooldown: 0, stopLoss: 10");
        good(BONK);
        ctx.feed(TokenFeed.TRENDING, BONK);
        sniper.onTick(ctx);
        sniper.onFill(ctx, ctx.fill(buys().getLast())); // a success resets the count
        good(WIF);
        ctx.feed(TokenFeed.TRENDING, WIF);
        for (int i = 0; i < 2; i++) {
            sniper.onTick(ctx);
            PlacedOrder buy = buys().getLast();
            sniper.onOrderFailed(ctx, new OrderFailure(buy.id(), WIF, Side.BUY, "land", "slippage", ctx.now()));
        }
        assertThat(ctx.state().get("halted"))
                .hasValueSatisfying(
                        v -> assertThat(v).contains("2 failed orders in a row").contains("slippage"));
        sniper.onTick(ctx);
        assertThat(buys()).hasSize(3);
        market(ctx, BONK, "0.0000098", 100); // 11 % below the entry
        sniper.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.SELL);
        assertThat(ctx.placedOrders().getLast().options().reason()).contains("stop-loss");
    }

    @Test
    void shouldReadMonitoredTokensInsteadOfAFeed() {
        TradingStrategy sniper = (TradingStrategy) new SniperProvider()
                .create(Scripts.config(
                        "sniper",
                        "{amountToSpend: 0.1, slippage: 1, interval: 30, maxTrades: 5, volumeThreshold: 0,"
                                + " minPoolUsd: 0, monitoredTokens: [" + WIF + "]}"));
        good(WIF);
        good(BONK);
        ctx.feed(TokenFeed.NEW, BONK);
        sniper.onTick(ctx);
        assertThat(buys()).extracting(PlacedOrder::mint).containsExactly(WIF);
    }

    @Test
    void shouldKeepTheOriginalDefaultsAndExitsFromItsConfig() {
        var plan = SniperProvider.plan(Scripts.config(
                "sniper",
                "{amountToSpend: 0.1, slippage: 1, interval: 30, maxTrades: 5, tokenFeed: new, takeProfit: 25,"
                        + " tpPercent: 50, stopLoss: 10, smartExitMode: time, smartExit: {time: {maxHoldSec: 600}}}"));
        assertThat(plan.feed()).isEqualTo(TokenFeed.NEW);
        assertThat(plan.gates()).extracting(g -> g.name()).containsExactly("pump", "volume", "liquidity");
        assertThat(plan.priceImpact().name()).isEqualTo("price-impact");
        assertThat(plan.maxOpen()).isEqualTo(9999);
        assertThat(plan.haltOnFailures()).isEqualTo(3);
        assertThat(plan.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.maxDailyVolume()).isEqualTo(Lamports.ofSol("9999"));
        assertThat(plan.exits())
                .containsExactly(
                        new ExitRule.StopLoss(new java.math.BigDecimal("10"), new java.math.BigDecimal("100")),
                        new ExitRule.TakeProfit(new java.math.BigDecimal("25"), new java.math.BigDecimal("50")),
                        new ExitRule.MaxHold(Duration.ofSeconds(600), null));
        assertThat(new SniperProvider().capabilities())
                .contains(Capability.PRICES, Capability.POOLS, Capability.PRICE_HISTORY, Capability.SOL_USD);
    }

    @Test
    void shouldRefuseToRunAConfigThatSpendsUsdc() {
        assertThatThrownBy(() -> new SniperProvider()
                        .create(Scripts.config(
                                "sniper",
                                "{buyWithUSDC: true, usdcAmount: 5, slippage: 1, interval: 30, maxTrades: 5,"
                                        + " tokenFeed: new}")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("buyWithUSDC");
    }
}
