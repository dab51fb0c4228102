package io.solbot.strategies.chadmode;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.market.Listing;
import io.solbot.core.spi.Strategy;
import io.solbot.core.testing.RecordingStrategyContext;
import io.solbot.core.testing.RecordingStrategyContext.PlacedOrder;
import io.solbot.strategies.StrategyRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChadModeTest {
    private static final Mint BONK = Listing.BONK.mint();
    private static final Mint WIF = Listing.WIF.mint();
    private final RecordingStrategyContext ctx = new RecordingStrategyContext(BotId.of("chad-1"))
            .price(BONK, "0.001")
            .price(WIF, "0.01");

    private static ChadModeConfig config(String extra) {
        return StrategyRuns.config(
                "chad-mode",
                "{outputMint: " + BONK + ", amountToSpend: 0.03, slippage: 5, interval: 20, maxTrades: 5" + extra + "}",
                ChadModeConfig.class);
    }

    private static OrderFailure failed(PlacedOrder order, Instant at) {
        return new OrderFailure(order.id(), order.mint(), order.side(), "quote", "no route within the slippage", at);
    }

    @Test
    void shouldBuyEveryTargetWithTheConfigsSlippageAndTheOriginalsPriorityFee() throws Exception {
        Strategy strategy = new ChadModeProvider().create(config(", outputMints: [" + WIF + "]"));
        strategy.onTick(ctx);

        assertThat(ctx.placedOrders()).extracting(PlacedOrder::mint).containsExactly(BONK, WIF);
        assertThat(ctx.placedOrders()).allSatisfy(o -> {
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.sol()).isEqualTo(Lamports.ofSol("0.03"));
            assertThat(o.options().slippageBps()).hasValue(500);
            assertThat(o.options().priorityFee()).contains(Lamports.of(10_000)); // the original's default
        });
        strategy.onTick(ctx); // both still in flight
        assertThat(ctx.placedOrders()).hasSize(2);
    }

    @Test
    void shouldEscalateSlippageAndFeeOnEachFailedBuyEachStepCapped() throws Exception {
        Strategy strategy = new ChadModeProvider().create(config(", slippageMaxPct: 7"));
        for (int i = 0; i < 5; i++) {
            strategy.onTick(ctx);
            strategy.onOrderFailed(ctx, failed(ctx.placedOrders().getLast(), ctx.now()));
        }

        // +1 point of slippage per failure up to slippageMaxPct 7; +5 000 lamports per failure, at most 3 raises
        assertThat(ctx.placedOrders())
                .extracting(o -> o.options().slippageBps().orElseThrow())
                .containsExactly(500, 600, 700, 700, 700);
        assertThat(ctx.placedOrders())
                .extracting(o -> o.options().priorityFee().orElseThrow().value())
                .containsExactly(10_000L, 15_000L, 20_000L, 25_000L, 25_000L);

        strategy.onTick(ctx);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().getLast())); // a fill resets the escalation
        assertThat(((ChadMode) strategy).escalated(BONK).slippageBps()).hasValue(500);
    }

    @Test
    void shouldNotEscalateWhenTheEngineRefusesTheOrder() throws Exception {
        Strategy strategy = new ChadModeProvider().create(config(""));
        ctx.refuseOrders("maxTrades 5 reached");
        strategy.onTick(ctx);
        strategy.onTick(ctx);
        ctx.refuseOrders(null);
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders())
                .singleElement()
                .satisfies(o -> assertThat(o.options().slippageBps()).hasValue(500));
    }

    @Test
    void shouldDumpThePositionAfterTheDelayAndNotBuyWhileTheDumpIsPending() throws Exception {
        Strategy strategy = new ChadModeProvider().create(config(", autoSell: {delay: 10000, dumpPct: 50}"));
        strategy.onTick(ctx);
        Fill bought = ctx.fill(ctx.placedOrders().getFirst()); // 30 BONK
        strategy.onFill(ctx, bought);

        ctx.advance(Duration.ofMillis(9_999));
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1); // not due yet, and no new buy while the dump is pending

        ctx.advance(Duration.ofMillis(1));
        strategy.onTick(ctx);
        PlacedOrder sell = ctx.placedOrders().get(1);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.quantity()).isEqualTo(TokenAmount.of(15_000_000, 6)); // half of 30 BONK
        assertThat(sell.options().reason()).contains("auto-sell");

        strategy.onFill(ctx, ctx.fill(sell));
        assertThat(ctx.state().asMap()).isEmpty();
        strategy.onTick(ctx); // the dump is done: it buys again
        assertThat(ctx.placedOrders().get(2).side()).isEqualTo(Side.BUY);
    }

    @Test
    void shouldKeepThePendingDumpAcrossARestart() throws Exception {
        ChadModeConfig config = config(", autoSell: {delay: 10000}");
        Strategy strategy = new ChadModeProvider().create(config);
        strategy.onTick(ctx);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));

        Strategy restarted = new ChadModeProvider().create(config);
        ctx.advance(Duration.ofSeconds(5));
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders()).hasSize(1); // the restart does not buy again while the dump is pending
        ctx.advance(Duration.ofSeconds(5));
        restarted.onTick(ctx);
        assertThat(ctx.placedOrders().get(1).side()).isEqualTo(Side.SELL);
        assertThat(ctx.placedOrders().get(1).quantity())
                .isEqualTo(ctx.positions().getFirst().quantity());
    }

    @Test
    void shouldDrawTheJitterWithinItsBoundsAndTheSameForTheSameSeed() throws Exception {
        String extra = ", autoSell: {delay: 1000, randomJitterMs: 500, randomDelayRange: [200, 300]}";
        List<Long> waits = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            RecordingStrategyContext seeded = new RecordingStrategyContext(BotId.of("chad-1")).price(BONK, "0.001");
            Strategy strategy = new ChadModeProvider().create(config(extra));
            for (int i = 0; i < 10; i++) {
                strategy.onTick(seeded);
                Fill fill = seeded.fill(seeded.placedOrders().getLast());
                strategy.onFill(seeded, fill);
                long due = Long.parseLong(
                        seeded.state().get(ChadMode.AUTO_SELL + BONK).orElseThrow());
                waits.add(due - fill.filledAt().toEpochMilli());
                seeded.advance(Duration.ofSeconds(2));
                strategy.onTick(seeded); // the dump
                strategy.onFill(seeded, seeded.fill(seeded.placedOrders().getLast()));
            }
        }
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(1_200L, 1_800L));
        assertThat(waits.subList(0, 10)).isEqualTo(waits.subList(10, 20)); // the same seed, the same waits
        assertThat(new java.util.HashSet<>(waits)).hasSizeGreaterThan(5); // and random ones
    }

    /** Buys 30 BONK at 0.001 SOL and returns the strategy; its auto-sell is due 60 s later. */
    private Strategy holding(String extra) throws Exception {
        Strategy strategy = new ChadModeProvider().create(config(", autoSell: {delay: 60000}" + extra));
        strategy.onTick(ctx);
        strategy.onFill(ctx, ctx.fill(ctx.placedOrders().getFirst()));
        return strategy;
    }

    private List<PlacedOrder> sells() {
        return ctx.placedOrders().stream().filter(o -> o.side() == Side.SELL).toList();
    }

    @Test
    void shouldTakeProfitBeforeTheAutoSellIsDue() throws Exception {
        Strategy strategy = holding(", takeProfit: 20");
        ctx.price(BONK, "0.00119");
        strategy.onTick(ctx);
        assertThat(sells()).isEmpty();

        ctx.price(BONK, "0.0012"); // 20 % above the entry
        strategy.onTick(ctx);
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(TokenAmount.of(30_000_000, 6)); // tpPercent unset: all of it
            assertThat(o.options().reason()).contains("take-profit");
        });
        strategy.onTick(ctx); // in flight: no second sale, no buy
        assertThat(ctx.placedOrders()).hasSize(2);

        strategy.onFill(ctx, ctx.fill(sells().getFirst()));
        assertThat(ctx.positions()).isEmpty();
        assertThat(ctx.state().asMap()).isEmpty(); // nothing left to auto-sell
        strategy.onTick(ctx);
        assertThat(ctx.placedOrders().getLast().side()).isEqualTo(Side.BUY); // it buys again, as after a dump
    }

    @Test
    void shouldStopLossSellingSlPercentAndLeaveTheAutoSellTheRest() throws Exception {
        Strategy strategy = holding(", stopLoss: 10, slPercent: 40");
        ctx.price(BONK, "0.00091");
        strategy.onTick(ctx);
        assertThat(sells()).isEmpty();

        ctx.price(BONK, "0.0009"); // 10 % below the entry
        strategy.onTick(ctx);
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(TokenAmount.of(12_000_000, 6)); // 40 % of 30 BONK
            assertThat(o.options().reason()).contains("stop-loss");
        });
        strategy.onFill(ctx, ctx.fill(sells().getFirst()));

        ctx.price(BONK, "0.0008");
        strategy.onTick(ctx); // a partial stop loss fires once per position; the auto-sell is not due yet
        assertThat(sells()).hasSize(1);
        assertThat(ctx.placedOrders()).hasSize(2); // and no buy while the auto-sell is pending

        ctx.advance(Duration.ofSeconds(60));
        strategy.onTick(ctx);
        assertThat(sells()).hasSize(2).last().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(TokenAmount.of(18_000_000, 6)); // the rest
            assertThat(o.options().reason()).contains("auto-sell");
        });
    }

    @Test
    void shouldSellATokenOnceWhenTheAutoSellAndAnExitAreDueAtOneTick() throws Exception {
        Strategy strategy = holding(", takeProfit: 20");
        ctx.advance(Duration.ofSeconds(60));
        ctx.price(BONK, "0.0013");
        strategy.onTick(ctx);
        assertThat(sells()).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(TokenAmount.of(30_000_000, 6));
            assertThat(o.options().reason()).contains("take-profit");
        });
        strategy.onTick(ctx); // the exit's sale in flight: the due auto-sell waits
        assertThat(sells()).hasSize(1);
    }

    @Test
    void shouldLeaveATokenToItsAutoSellInFlight() throws Exception {
        Strategy strategy = holding(", stopLoss: 10");
        ctx.advance(Duration.ofSeconds(60));
        strategy.onTick(ctx); // the auto-sell
        assertThat(sells())
                .singleElement()
                .satisfies(o -> assertThat(o.options().reason()).contains("auto-sell"));

        ctx.price(BONK, "0.0005"); // the stop loss would fire, but the auto-sell is in flight
        strategy.onTick(ctx);
        assertThat(sells()).hasSize(1);
    }

    @Test
    void shouldRetryAnExitWhoseSaleFailed() throws Exception {
        Strategy strategy = holding(", stopLoss: 10");
        ctx.price(BONK, "0.0009");
        strategy.onTick(ctx);
        strategy.onOrderFailed(ctx, failed(sells().getFirst(), ctx.now()));
        assertThat(((ChadMode) strategy).escalated(BONK).slippageBps())
                .hasValue(500); // a failed sale escalates nothing

        strategy.onTick(ctx);
        assertThat(sells())
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.options().reason()).contains("stop-loss"));
    }

    @Test
    void shouldNeedPricesForItsExits() {
        assertThat(new ChadModeProvider().capabilities()).containsExactly(io.solbot.core.spi.Capability.PRICES);
    }

    @Test
    void shouldBuyAndDumpInABacktestOnASimulatedMarket() {
        String bots = """
                bots:
                  - id: chad-1
                    mode: chad-mode
                    config: {outputMint: %s, amountToSpend: 0.05, slippage: 2, interval: 20, maxTrades: 3}
                """.formatted(BONK);
        StrategyRuns.Run run = StrategyRuns.backtest(bots, 42, Duration.ofMinutes(10), p -> p);

        assertThat(run.fills())
                .extracting(Fill::side)
                .containsExactly(Side.BUY, Side.SELL, Side.BUY, Side.SELL, Side.BUY, Side.SELL);
        assertThat(run.fills()).filteredOn(f -> f.side() == Side.BUY).allSatisfy(f -> {
            assertThat(f.sol()).isEqualTo(Lamports.ofSol("0.05"));
            assertThat(f.fee()).isEqualTo(Lamports.of(15_000)); // 5 000 signature + 10 000 priority fee
        });
        assertThat(run.fills())
                .filteredOn(f -> f.side() == Side.SELL)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("auto-sell"));
        assertThat(run.statuses().getFirst().trades()).isEqualTo(3);
    }
}
