package io.solbot.core.backtest;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.Pool;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.WalletBalances;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Latency;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.solana.account.Extension;
import io.solbot.core.spi.Capability;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.Markets;
import io.solbot.core.testing.MomentumStrategy;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backtests through the engine: the engine, a simulated market and the paper executor in lockstep on simulated time.
 * A recorded run replays into the same trades, byte for byte, with many bots trading the same pools on parallel
 * threads; the same seeds give the same run.
 */
class BacktestTest {
    private static final Instant END = T0.plus(Duration.ofMinutes(2));
    private static final RandomMarketSettings MARKET =
            RandomMarketSettings.defaults(2026, T0).withLaunches(0.02, 0.02, 0.3);
    private static final PaperSettings PAPER = PaperSettings.defaults(17)
            .withExecModel(ExecModel.JITO_FALLBACK)
            .withPartials(new Partials(1, 3))
            .withFailureRates(new FailureRates(0.02, 0.02, 0.05, 0.2, 0.3))
            .withSlippageBpsCap(800);
    /** More than the scheduler's batch of 64, so that ticks of one step run on several threads at once. */
    private static final int BOTS = 70;

    /** A provider whose config carries the strategy factory. */
    record Script(String name, Supplier<Strategy> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static class ScriptProvider implements StrategyProvider<Script> {
        @Override
        public String id() {
            return "script";
        }

        @Override
        public int spiVersion() {
            return StrategyProvider.SPI_VERSION;
        }

        @Override
        public Class<Script> configType() {
            return Script.class;
        }

        @Override
        public Strategy create(Script config) {
            return config.factory().get();
        }
    }

    private static BotSpec spec(String id, int intervalSeconds, Supplier<Strategy> factory) {
        return BotSpec.builder(BotId.of(id), "script", new Script(id, factory))
                .interval(Duration.ofSeconds(intervalSeconds))
                .slippageBps(300)
                .priorityFee(Lamports.of(10_000))
                .maxFailuresInARow(20)
                .build();
    }

    private static Backtest.Result run(SimulatedMarket market, PaperSettings paper, long engineSeed) {
        return run(market, paper, engineSeed, null);
    }

    /** The run, with every buy held to the safety verdict when {@code refusals} is not null; it collects them. */
    private static Backtest.Result run(
            SimulatedMarket market, PaperSettings paper, long engineSeed, List<EngineEvent.OrderRefused> refusals) {
        Backtest.Builder builder = Backtest.builder(market)
                .paper(paper)
                .engine(b -> b.strategyProvider(new ScriptProvider())
                        .seed(engineSeed)
                        .subscriber(e -> {
                            if (refusals != null && e instanceof EngineEvent.OrderRefused r) {
                                refusals.add(r);
                            }
                        }));
        if (refusals != null) {
            builder.safetyChecks();
        }
        try (Backtest backtest = builder.build()) {
            for (int i = 0; i < BOTS; i++) {
                Lamports amount = Lamports.ofSol(i % 2 == 0 ? "0.02" : "0.1");
                String entry = i % 3 == 0 ? "0.5" : "1";
                String exit = i % 4 == 0 ? "3" : "5";
                backtest.engine()
                        .start(spec(
                                "momentum-" + i,
                                1 + i % 3,
                                () -> new MomentumStrategy(market::mints, amount, entry, exit)));
            }
            return backtest.runUntil(END);
        }
    }

    @Test
    void shouldReproduceARecordedRunOfManyBotsExactlyWhenReplayedThroughTheEngine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jsonl");
        Backtest.Result recorded;
        try (SimulatedMarket market = SimulatedMarket.random(MARKET);
                MarketRecorder recorder = MarketRecorder.to(file)) {
            market.listen(recorder);
            recorded = run(market, PAPER, 5);
        }
        // the run exercised the interesting paths: several bots, split orders, Jito tips, failures at each stage
        assertThat(recorded.fills()).hasSizeGreaterThan(200);
        assertThat(recorded.fills().stream().map(Fill::botId).distinct().count())
                .isGreaterThan(50);
        assertThat(recorded.fills())
                .anyMatch(f -> f.parts() > 1)
                .anyMatch(f -> !f.tip().isZero());
        assertThat(recorded.failures()).extracting(OrderFailure::stage).contains("quote", "send", "land");

        Path again = dir.resolve("again.jsonl");
        Backtest.Result replayed;
        try (SimulatedMarket market = SimulatedMarket.replay(file);
                MarketRecorder recorder = MarketRecorder.to(again)) {
            market.listen(recorder);
            replayed = run(market, PAPER, 5);
        }

        assertThat(replayed.fills()).isEqualTo(recorded.fills());
        assertThat(replayed.failures()).isEqualTo(recorded.failures());
        assertThat(replayed.fingerprint()).isEqualTo(recorded.fingerprint());
        assertThat(replayed.events()).isEqualTo(recorded.events());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    @Test
    void shouldHoldEveryBuyToTheSafetyVerdictAndRepeatTheRunExactly() {
        List<EngineEvent.OrderRefused> refusals = new CopyOnWriteArrayList<>();
        SimulatedMarket market = SimulatedMarket.random(MARKET);
        Backtest.Result guarded = run(market, PAPER, 5, refusals);

        List<String> safety = refusals.stream()
                .map(EngineEvent.OrderRefused::reason)
                .filter(r -> r.startsWith("safety refused "))
                .toList();
        assertThat(safety).isNotEmpty();
        assertThat(guarded.fills()).isNotEmpty();
        // no bot bought a honeypot: each has a transfer hook in its mint's bytes, which the checks read
        assertThat(guarded.fills())
                .filteredOn(f -> f.side() == Side.BUY)
                .allSatisfy(f -> assertThat(market.account(f.mint().address())
                                .orElseThrow()
                                .mint()
                                .extension(Extension.TransferHook.class))
                        .isEmpty());
        assertThat(run(SimulatedMarket.random(MARKET), PAPER, 5, new CopyOnWriteArrayList<>())
                        .fingerprint())
                .isEqualTo(guarded.fingerprint());
        assertThat(run(SimulatedMarket.random(MARKET), PAPER, 5).fingerprint()).isNotEqualTo(guarded.fingerprint());
    }

    @Test
    void shouldGiveStrategiesThePaperExecutorsWalletsAndStartThoseThatNeedThem() {
        List<Optional<WalletBalances>> seen = new CopyOnWriteArrayList<>();
        StrategyProvider<Script> needsWallets = new ScriptProvider() {
            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.WALLET_BALANCES, Capability.MULTI_WALLET);
            }
        };
        try (Backtest backtest = Backtest.builder(Markets.onePool())
                .engine(b -> b.strategyProvider(needsWallets))
                .build()) {
            backtest.engine().start(spec("wallets", 1, () -> ctx -> {
                seen.add(ctx.wallet().balances());
                seen.add(ctx.wallet().balances("second"));
            }));
            backtest.runUntil(T0.plusSeconds(3));
        }
        assertThat(seen)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b)
                        .hasValueSatisfying(w -> assertThat(w.sol()).isEqualTo(Lamports.ofSol("100"))));
    }

    @Test
    void shouldRefuseTheOrdersOfABotPastItsPaperDailyLimitAndTradeAgainTheNextDay() {
        List<String> refusals = new CopyOnWriteArrayList<>();
        Backtest.Result result;
        BotSpec buyer = BotSpec.builder(BotId.of("daily"), "script", new Script("daily", () -> ctx -> {
                    if (ctx.orders().buy(Markets.TOKEN, Lamports.ofSol("0.01"))
                            instanceof io.solbot.core.spi.OrderResult.Refused r) {
                        refusals.add(r.reason());
                    }
                }))
                .interval(Duration.ofHours(1))
                .maxFailuresInARow(3)
                .build();
        try (Backtest backtest = Backtest.builder(Markets.onePool())
                .paper(PaperSettings.defaults(1).withExecModel(ExecModel.IDEAL).withMaxDailyTrades(5))
                .step(Duration.ofSeconds(1))
                .engine(b -> b.strategyProvider(new ScriptProvider()))
                .build()) {
            backtest.engine().start(buyer);
            result = backtest.runUntil(T0.plus(Duration.ofHours(30)));
            // refused, not failed: the bot goes on, and trades again once the UTC day turns
            assertThat(backtest.engine().status(BotId.of("daily")).status())
                    .isEqualTo(io.solbot.core.domain.RunStatus.RUNNING);
        }
        assertThat(result.failures()).isEmpty();
        assertThat(result.fills().stream().filter(f -> f.submittedAt().isBefore(T0.plus(Duration.ofDays(1)))))
                .hasSize(5);
        assertThat(result.fills().stream().filter(f -> !f.submittedAt().isBefore(T0.plus(Duration.ofDays(1)))))
                .hasSize(5);
        // a day of hourly ticks: 5 trades, then 18 or more refusals, before the second day's 5 trades
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(18);
        assertThat(refusals.getFirst()).isEqualTo("maxDailyTrades of 5 reached for daily on 2026-01-01 (UTC)");
    }

    @Test
    void shouldRepeatARunForTheSameSeedsAndDifferForAnotherSeed() {
        String first = run(SimulatedMarket.random(MARKET), PAPER, 5).fingerprint();

        assertThat(run(SimulatedMarket.random(MARKET), PAPER, 5).fingerprint()).isEqualTo(first);
        assertThat(run(SimulatedMarket.random(MARKET.withSeed(2027)), PAPER, 5).fingerprint())
                .isNotEqualTo(first);
        assertThat(run(SimulatedMarket.random(MARKET), PAPER.withSeed(18), 5).fingerprint())
                .isNotEqualTo(first);
        // the engine seed draws the order ids, which seed each order's execution
        assertThat(run(SimulatedMarket.random(MARKET), PAPER, 6).fingerprint()).isNotEqualTo(first);
    }

    @Test
    void shouldTickOnTheMarketAsOfTheTickAndStampFillsWithTheExecutorsLatencies() {
        List<Instant[]> ticks = new CopyOnWriteArrayList<>();
        List<Fill> fills = new CopyOnWriteArrayList<>();
        List<Instant> marketAtFill = new CopyOnWriteArrayList<>();
        SimulatedMarket market = Markets.onePool();
        PaperSettings paper = PaperSettings.defaults(3)
                .withLatency(new Latency(30, 10, 20, 400))
                .withFailureRates(FailureRates.NONE)
                .withPartials(Partials.NONE);
        try (Backtest backtest = Backtest.builder(market)
                .paper(paper)
                .step(Duration.ofMillis(100))
                .engine(b -> b.strategyProvider(new ScriptProvider()))
                .build()) {
            Backtest bt = backtest;
            backtest.engine().start(spec("watcher", 1, () -> new Strategy() {
                @Override
                public void onTick(StrategyContext ctx) {
                    ticks.add(new Instant[] {ctx.now(), bt.market().now()});
                    if (ctx.positions().isEmpty()) {
                        ctx.orders().buy(Markets.TOKEN, Lamports.ofSol("0.1"));
                    }
                }

                @Override
                public void onFill(StrategyContext ctx, Fill fill) {
                    fills.add(fill);
                    marketAtFill.add(bt.market().now());
                }
            }));
            Backtest.Result result = backtest.runUntil(T0.plusSeconds(10));

            assertThat(backtest.now()).isEqualTo(T0.plusSeconds(10));
            assertThat(result.fills()).hasSize(1).isEqualTo(fills);
        }
        assertThat(ticks)
                .hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(t -> assertThat(t[1]).isEqualTo(t[0]));
        Fill fill = fills.getFirst();
        assertThat(fill.submittedAt()).isEqualTo(ticks.getFirst()[0]);
        assertThat(fill.filledAt()).isEqualTo(fill.submittedAt().plusMillis(30 + 10 + 20 + 400));
        // the latency advanced the market to the next step's end, no further: the next step's ticks are due there
        assertThat(marketAtFill).containsExactly(fill.submittedAt().plusMillis(100));
    }

    /**
     * {@link Markets#onePool()} in which another trader buys for {@code lamports} 200 ms after every second: inside
     * the latency of an order placed on a tick at a whole second, after its quote (30 ms), before its landing (460 ms).
     */
    private static SimulatedMarket onePoolWithBuysDuringTheLatency(long lamports) {
        List<MarketEvent> events = new ArrayList<>();
        events.add(Markets.listing(Markets.TOKEN, 100_000_000_000L, 1_000_000_000_000L, 6, 25));
        for (int second = 0; second < 10; second++) {
            events.add(new MarketEvent.Swapped(
                    T0.plusSeconds(second).plusMillis(200), Markets.TOKEN, Side.BUY, BigInteger.valueOf(lamports)));
        }
        return SimulatedMarket.of(events);
    }

    /** Runs one bot that buys 0.1 SOL once, at 300 bps slippage; returns the run and the pool its order was placed on. */
    private static Backtest.Result buyOnce(SimulatedMarket market, Pool[] poolAtOrder) {
        PaperSettings paper = PaperSettings.defaults(3).withLatency(new Latency(30, 10, 20, 400));
        try (Backtest backtest = Backtest.builder(market)
                .paper(paper)
                .engine(b -> b.strategyProvider(new ScriptProvider()))
                .build()) {
            AtomicBoolean ordered = new AtomicBoolean();
            backtest.engine().start(spec("buyer", 1, () -> new Strategy() {
                @Override
                public void onTick(StrategyContext ctx) {
                    if (!ordered.getAndSet(true)) {
                        poolAtOrder[0] = market.pool(Markets.TOKEN).orElseThrow();
                        ctx.orders().buy(Markets.TOKEN, Lamports.ofSol("0.1"));
                    }
                }
            }));
            Backtest.Result result = backtest.runUntil(T0.plusSeconds(5));
            // the last step's orders may move the market no further than the run's end
            assertThat(market.now()).isEqualTo(T0.plusSeconds(5));
            return result;
        }
    }

    @Test
    void shouldFailAnOrderAtLandingWhenAnotherTraderMovedThePriceDuringItsLatencyAndChargeItsFee() {
        Pool[] poolAtOrder = new Pool[1];
        // 5 SOL into a 100-SOL pool moves the price by about 10 %, beyond the order's 300 bps
        Backtest.Result result = buyOnce(onePoolWithBuysDuringTheLatency(5_000_000_000L), poolAtOrder);

        assertThat(result.fills()).isEmpty();
        OrderFailure failure = result.failures().getFirst();
        assertThat(result.failures()).hasSize(1);
        assertThat(failure.stage()).isEqualTo("land");
        assertThat(failure.reason()).startsWith("slippage exceeded: the pool pays ");
        // landed and reverted: 5 000 signature fee + the bot's 10 000 priority fee
        assertThat(failure.fee()).isEqualTo(Lamports.of(15_000));
        assertThat(failure.tip()).isEqualTo(Lamports.ZERO);
        assertThat(failure.at().toEpochMilli() % 1000).isEqualTo(460);
    }

    @Test
    void shouldFillAnOrderAtThePriceAnotherTraderMovedItToDuringItsLatencyWithinItsSlippage() {
        Pool[] poolAtOrder = new Pool[1];
        long otherBuy = 200_000_000L;
        Backtest.Result result = buyOnce(onePoolWithBuysDuringTheLatency(otherBuy), poolAtOrder);

        Fill fill = result.fills().getFirst();
        assertThat(result.fills()).hasSize(1);
        assertThat(result.failures()).isEmpty();
        // the pool the order was placed on, after the other trader's buy inside the order's latency
        Pool before = poolAtOrder[0];
        TokenAmount otherIn = TokenAmount.of(otherBuy, 9);
        TokenAmount otherOut = before.amountOut(Side.BUY, otherIn);
        Pool atLanding = new Pool(
                before.mint(),
                before.decimals(),
                before.solReserve().plus(Lamports.of(otherBuy)),
                TokenAmount.of(
                        before.tokenReserve().raw().subtract(otherOut.raw()).longValueExact(), 6),
                before.feeBps());
        assertThat(fill.amountOut()).isEqualTo(atLanding.amountOut(Side.BUY, fill.amountIn()));
        assertThat(fill.amountOut()).isLessThan(before.amountOut(Side.BUY, fill.amountIn()));
    }

    @Test
    void shouldTellRunsApartByTheFeeAndTipOfAFailure() {
        OrderFailure free = new OrderFailure(
                io.solbot.core.domain.OrderId.of("o"), Markets.TOKEN, Side.SELL, "land", "reverted", T0);
        OrderFailure charged = new OrderFailure(
                free.orderId(),
                free.mint(),
                free.side(),
                free.stage(),
                free.reason(),
                free.at(),
                Lamports.of(15_000),
                Lamports.ZERO);
        OrderFailure tipped = new OrderFailure(
                free.orderId(),
                free.mint(),
                free.side(),
                free.stage(),
                free.reason(),
                free.at(),
                Lamports.ZERO,
                Lamports.of(15_000));

        assertThat(List.of(free, charged, tipped))
                .extracting(f -> new Backtest.Result(List.of(), List.of(f), 0).fingerprint())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseAStepOutsideOneMillisecondToOneSecond() {
        SimulatedMarket market = Markets.onePool();
        assertThatThrownBy(() -> Backtest.builder(market).step(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step must be between 1 ms and 1 s, but was PT2S");
    }
}
