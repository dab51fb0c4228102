package io.solbot.strategies.turbosniper;

import static io.solbot.strategies.common.internal.Scripts.BONK;
import static io.solbot.strategies.common.internal.Scripts.JUP;
import static io.solbot.strategies.common.internal.Scripts.WIF;
import static io.solbot.strategies.common.internal.Scripts.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.spi.BotHaltException;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.common.internal.Scripts;
import io.solbot.strategies.common.internal.TurboStrategy;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurboSniperStrategyTest {
    private static final String BASE =
            "{amountToSpend: 0.3, slippage: 1, interval: 1, maxTrades: 5, haltOnFailures: 10,"
                    + " monitoredTokens: [" + BONK + "], entryThreshold: 0, volumeThreshold: 0, minPoolUsd: 0,"
                    + " maxSlippage: 0.5}";

    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("turbo-1"));

    private TurboStrategy strategy(String fields) {
        TurboSniperConfig config = Scripts.config("turboSniper", BASE, fields);
        return (TurboStrategy) new TurboSniperProvider().create(config);
    }

    private List<PlacedOrder> placedSince(int before) {
        List<PlacedOrder> all = ctx.placedOrders();
        return all.subList(before, all.size());
    }

    @Test
    void shouldSplitASignalIntoTranchesAcrossWalletsEachWithItsFeeAndTipAndNeverBuyItAgain() throws Exception {
        TurboStrategy s = strategy("{priorityFeeLamports: 10000, useJitoBundle: true, jitoTipLamports: 2000,"
                + " iceberg: {enabled: true, tranches: 3, trancheDelayMs: 2000},"
                + " parallelWallets: {enabled: true, walletIds: [w1, w2], splitPct: [0.6, 0.4], maxParallel: 2}}");
        market(ctx, BONK, "0.00001", 100);
        s.onStart(ctx);

        s.onTick(ctx); // the first tranche: 0.1 SOL, 60 % from w1, 40 % from w2
        assertThat(ctx.placedOrders())
                .extracting(o -> o.sol().value(), o -> o.options().wallet().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(60_000_000L, "w1"),
                        org.assertj.core.groups.Tuple.tuple(40_000_000L, "w2"));
        assertThat(ctx.placedOrders()).allSatisfy(o -> {
            assertThat(o.options().priorityFee()).contains(Lamports.of(10_000));
            assertThat(o.options().jitoTip()).contains(Lamports.of(2_000));
        });
        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx); // within the tranche delay
        assertThat(ctx.placedOrders()).hasSize(2);
        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx);
        ctx.advance(Duration.ofSeconds(2));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(6);
        long spent = ctx.placedOrders().stream().mapToLong(o -> o.sol().value()).sum();
        assertThat(spent).isEqualTo(300_000_000L);

        ctx.advance(Duration.ofMinutes(10));
        s.onTick(ctx); // one signal per token: never bought again
        assertThat(ctx.placedOrders()).hasSize(6);
        assertThat(ctx.state().get("signal." + BONK))
                .hasValueSatisfying(v -> assertThat(v).startsWith("DONE:"));
    }

    @Test
    void shouldSellATokenFromEachWalletInTheShareItBought() throws Exception {
        TurboStrategy s = strategy("{takeProfit: 10, parallelWallets: {enabled: true, walletIds: [w1, w2],"
                + " splitPct: [0.75, 0.25], maxParallel: 2}}");
        market(ctx, BONK, "0.00001", 100);
        s.onTick(ctx);
        for (PlacedOrder buy : ctx.placedOrders()) {
            s.onFill(ctx, ctx.fill(buy));
        }
        BigInteger held = ctx.positions().getFirst().quantity().raw();

        ctx.price(BONK, "0.000011");
        s.onTick(ctx);
        List<PlacedOrder> sales = placedSince(2);
        assertThat(sales).as(ctx.placedOrders() + " " + ctx.state().asMap()).hasSize(2);
        assertThat(sales).extracting(o -> o.options().wallet().orElseThrow()).containsExactly("w1", "w2");
        assertThat(sales).allSatisfy(o -> assertThat(o.options().reason()).contains("take-profit"));
        assertThat(sales.get(0).quantity().raw())
                .isEqualTo(held.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4)));
        assertThat(sales.get(0).quantity().raw().add(sales.get(1).quantity().raw()))
                .isEqualTo(held);
    }

    @Test
    void shouldRetryAFailedPieceBiddingMoreEachTimeUpToItsRetryPolicy() throws Exception {
        TurboStrategy s = strategy("{priorityFeeLamports: 10000, useJitoBundle: true, jitoTipLamports: 2000,"
                + " retryPolicy: {max: 1, bumpCuStep: 1000, bumpTipStep: 500}}");
        market(ctx, BONK, "0.00001", 100);
        s.onTick(ctx);
        PlacedOrder first = ctx.placedOrders().getFirst();
        s.onOrderFailed(ctx, new OrderFailure(first.id(), BONK, Side.BUY, "land", "not landed", ctx.now()));
        s.onTick(ctx); // sent again: 1 000 µL/CU more (200 lamports for a swap) and a 500-lamport larger tip
        PlacedOrder again = ctx.placedOrders().getLast();
        assertThat(again.sol()).isEqualTo(first.sol());
        assertThat(again.options().priorityFee()).contains(Lamports.of(10_200));
        assertThat(again.options().jitoTip()).contains(Lamports.of(2_500));
        s.onOrderFailed(ctx, new OrderFailure(again.id(), BONK, Side.BUY, "land", "not landed", ctx.now()));
        ctx.advance(Duration.ofMinutes(5));
        s.onTick(ctx); // retried once: no more, and the token is not bought anew
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    @Test
    void shouldBidAnAutomaticPriorityFeeFromRecentFeesWithinItsBounds() throws Exception {
        TurboStrategy s = strategy("{monitoredTokens: [" + BONK + ", " + WIF + ", " + JUP + "], maxTrades: 1,"
                + " priorityFeeLamports: 5000, autoPriorityFee: true, cuPriceMicroLamportsMin: 100,"
                + " cuPriceMicroLamportsMax: 50000}");
        TurboStrategy two = strategy("{monitoredTokens: [" + WIF + "], priorityFeeLamports: 5000,"
                + " autoPriorityFee: true, cuPriceMicroLamportsMin: 100, cuPriceMicroLamportsMax: 50000}");
        TurboStrategy three = strategy("{monitoredTokens: [" + JUP + "], priorityFeeLamports: 5000,"
                + " autoPriorityFee: true, cuPriceMicroLamportsMin: 100, cuPriceMicroLamportsMax: 50000}");
        for (var mint : List.of(BONK, WIF, JUP)) {
            market(ctx, mint, "0.00001", 100);
        }
        ctx.recentPriorityFee(75, 20_000L);
        s.onTick(ctx); // 20 000 µL/CU × 200 000 CU = 4 000 lamports
        assertThat(ctx.placedOrders().getLast().options().priorityFee()).contains(Lamports.of(4_000));

        ctx.recentPriorityFee(75, 1_000_000L);
        two.onTick(ctx); // capped at 50 000 µL/CU: 10 000 lamports
        assertThat(ctx.placedOrders().getLast().options().priorityFee()).contains(Lamports.of(10_000));

        ctx.recentPriorityFee(75, null);
        three.onTick(ctx); // no recent fees known: the fixed fee, not a guess
        assertThat(ctx.placedOrders().getLast().options().priorityFee()).contains(Lamports.of(5_000));
    }

    private static final String PROBE =
            "{probe: {enabled: true, usd: 1.5, scaleFactor: 4, abortOnImpactPct: %s," + " delayMs: 1000}}";

    @Test
    void shouldBuyTheRestOnlyAfterTheProbeFilledAndCanBeSoldBack() throws Exception {
        TurboStrategy s = strategy(PROBE.formatted("2"));
        market(ctx, BONK, "0.00001", 100);
        ctx.solUsd("150");
        s.onTick(ctx); // a probe of 1.5 USD: 0.01 SOL
        PlacedOrder probe = ctx.placedOrders().getFirst();
        assertThat(probe.sol()).isEqualTo(Lamports.ofSol("0.01"));
        s.onTick(ctx); // not filled yet: nothing more
        assertThat(ctx.placedOrders()).hasSize(1);

        s.onFill(ctx, ctx.fill(probe)); // sold back it loses the pool's fee and a little impact: about 0.26 %
        s.onTick(ctx); // the probe's delay
        assertThat(ctx.placedOrders()).hasSize(1);
        ctx.advance(Duration.ofSeconds(1));
        s.onTick(ctx); // then 4 × the probe
        assertThat(placedSince(1))
                .singleElement()
                .satisfies(o -> assertThat(o.sol()).isEqualTo(Lamports.ofSol("0.04")));
    }

    @Test
    void shouldBlockATokenWhoseProbeLosesTooMuchOrFails() throws Exception {
        TurboStrategy s = strategy(PROBE.formatted("0.1"));
        market(ctx, BONK, "0.00001", 100);
        ctx.solUsd("150");
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst())); // a round trip of 0.26 %, more than 0.1 %
        ctx.advance(Duration.ofMinutes(5));
        s.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1);
        assertThat(ctx.state().get("signal." + BONK))
                .hasValueSatisfying(v -> assertThat(v).startsWith("BLOCKED:"));

        RecordingStrategyContext other = new RecordingStrategyContext(BotId.of("turbo-2"));
        TurboStrategy failing = strategy(PROBE.formatted("2"));
        market(other, BONK, "0.00001", 100);
        other.solUsd("150");
        failing.onTick(other);
        PlacedOrder probe = other.placedOrders().getFirst();
        failing.onOrderFailed(
                other, new OrderFailure(probe.id(), BONK, Side.BUY, "land", "simulated: not landed", other.now()));
        other.advance(Duration.ofMinutes(5));
        failing.onTick(other);
        assertThat(other.placedOrders()).hasSize(1);
        assertThat(other.state().get("signal." + BONK))
                .hasValueSatisfying(v -> assertThat(v).startsWith("BLOCKED:"));
    }

    @Test
    void shouldClimbItsTakeProfitLadderSellingEachRungsShareOfThePositionAsBought() throws Exception {
        TurboStrategy s = strategy("{takeProfit: 10, tpLadder: [25, 25, 50], trailingStopPct: 30}");
        market(ctx, BONK, "0.00001", 100);
        s.onTick(ctx);
        s.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        BigInteger bought = ctx.positions().getFirst().quantity().raw();

        ctx.price(BONK, "0.000011"); // +10 %: the first rung, a quarter
        s.onTick(ctx);
        PlacedOrder first = ctx.placedOrders().getLast();
        assertThat(first.options().reason()).contains("take-profit-1");
        assertThat(first.quantity().raw()).isEqualTo(bought.divide(BigInteger.valueOf(4)));
        s.onFill(ctx, ctx.fill(first));
        s.onTick(ctx); // the first rung fired once
        assertThat(ctx.placedOrders()).hasSize(2);

        ctx.price(BONK, "0.000012"); // +20 %: the second rung, a quarter of what was bought
        s.onTick(ctx);
        PlacedOrder second = ctx.placedOrders().getLast();
        assertThat(second.options().reason()).contains("take-profit-2");
        assertThat(second.quantity().raw())
                .isBetween(
                        bought.divide(BigInteger.valueOf(4)).subtract(BigInteger.ONE),
                        bought.divide(BigInteger.valueOf(4)));
        s.onFill(ctx, ctx.fill(second));

        ctx.price(BONK, "0.000008"); // a fall of a third from the high: the trailing stop sells the rest
        s.onTick(ctx);
        PlacedOrder stop = ctx.placedOrders().getLast();
        assertThat(stop.options().reason()).contains("trailing-stop");
        assertThat(stop.quantity()).isEqualTo(ctx.positions().getFirst().quantity());
    }

    @Test
    void shouldHaltItsBotWhenTheKillSwitchFiresAndAgainAfterARestartUntilTheConfigResetsIt() throws Exception {
        TurboStrategy s =
                strategy("{monitoredTokens: [" + BONK + ", " + WIF + "], killSwitch: true," + " killThreshold: 2}");
        market(ctx, BONK, "0.00001", 100);
        market(ctx, WIF, "0.00001", 100);
        s.onStart(ctx);
        s.onTick(ctx);
        List<PlacedOrder> orders = ctx.placedOrders();
        assertThat(orders).hasSize(2);
        s.onOrderFailed(ctx, new OrderFailure(orders.get(0).id(), BONK, Side.BUY, "send", "rpc: 503", ctx.now()));
        assertThatThrownBy(() -> s.onOrderFailed(
                        ctx, new OrderFailure(orders.get(1).id(), WIF, Side.BUY, "send", "rpc: 503", ctx.now())))
                .isInstanceOf(BotHaltException.class)
                .hasMessage("kill switch: 2 failed orders (killThreshold 2); the last failed at send: rpc: 503");

        // a restart with the same config halts again at once
        TurboStrategy restarted = strategy("{monitoredTokens: [" + BONK + "], killSwitch: true, killThreshold: 2}");
        assertThatThrownBy(() -> restarted.onStart(ctx))
                .isInstanceOf(BotHaltException.class)
                .hasMessageContaining("the kill switch stays until the config turns killSwitch off");

        // raising the threshold resets it
        TurboStrategy reset = strategy("{monitoredTokens: [" + JUP + "], killSwitch: true, killThreshold: 5}");
        market(ctx, JUP, "0.00001", 100);
        reset.onStart(ctx);
        reset.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(3);
        assertThat(ctx.state().get("killed")).isEmpty();
    }

    @Test
    void shouldRefuseALadderWithoutATakeProfitOrSharesAboveAllOfThePosition() {
        assertThatThrownBy(() -> Scripts.config("turboSniper", BASE, "{tpLadder: [25, 25]}"))
                .hasMessageContaining("tpLadder needs takeProfit");
        assertThatThrownBy(() -> Scripts.config("turboSniper", BASE, "{takeProfit: 5, tpLadder: [50, 60]}"))
                .hasMessageContaining("must sum to at most 100 %, but sum to 110");
        assertThatThrownBy(() -> Scripts.config("turboSniper", BASE, "{autoPriorityFee: true}"))
                .hasMessageContaining("cuPriceMicroLamportsMax is required when autoPriorityFee is true");
        assertThatThrownBy(() -> Scripts.config("turboSniper", BASE, "{useJitoBundle: true, jitoTipLamports: 999}"))
                .hasMessageContaining("must be at least 1000 lamports (Jito's least tip) when useJitoBundle is true");
    }
}
