package io.solbot.core.backtest;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Latency;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import io.solbot.core.spi.StrategyProvider;
import io.solbot.core.testing.Markets;
import io.solbot.core.testing.MomentumStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

    static final class ScriptProvider implements StrategyProvider<Script> {
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
                .haltOnFailures(20)
                .build();
    }

    private static Backtest.Result run(SimulatedMarket market, PaperSettings paper, long engineSeed) {
        try (Backtest backtest = Backtest.builder(market)
                .paper(paper)
                .engine(b -> b.strategyProvider(new ScriptProvider()).seed(engineSeed))
                .build()) {
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
    }

    @Test
    void shouldRefuseAStepOutsideOneMillisecondToOneSecond() {
        SimulatedMarket market = Markets.onePool();
        assertThatThrownBy(() -> Backtest.builder(market).step(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step must be between 1 ms and 1 s, but was PT2S");
    }
}
