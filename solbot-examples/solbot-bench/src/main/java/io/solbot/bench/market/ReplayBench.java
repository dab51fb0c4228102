package io.solbot.bench.market;

import com.example.macross.MaCrossConfig;
import com.example.macross.MaCrossProvider;
import io.solbot.core.backtest.Backtest;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.market.MarketEvent;
import io.solbot.core.market.MarketRecorder;
import io.solbot.core.market.RandomMarketSettings;
import io.solbot.core.market.SimulatedMarket;
import io.solbot.core.testing.PaperDriver;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput, in market events per second, through the simulated market, a simple strategy (the example
 * plugin's moving-average cross on one token, ticking once per one-second market step) and the paper executor
 * ({@code amm_depth}, two to three parts per order, failures on). The recording is a generated market of 20
 * established tokens plus launches and rugs: about 20 events per tick.
 *
 * <p>{@code engine*} run through the engine: a {@link Backtest} (the {@code SolbotEngine} on a simulated clock with
 * one-second steps, the market and the paper executor in lockstep), the bot started from its {@code BotSpec}, every
 * tick and order through the engine's scheduler, lanes and order pipeline. {@code driver*} run the same through
 * {@link PaperDriver}, the single-threaded test loop, as a baseline without the engine. {@code *FromJsonLines} parse
 * the recorded file format (UTF-8 bytes, as {@code SimulatedMarket.replay(Path)} reads a file) as they replay; {@code
 * *FromMemory} apply already-parsed events, which isolates the rest from parsing. One operation is one event. The
 * fork logs at ERROR only, so that the engine's WARN line per failed order does not measure the console.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=error")
public class ReplayBench {
    static final int EVENTS = 200_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    byte[] recording;
    List<MarketEvent> events;
    Mint traded;

    @Setup
    public void record() {
        RandomMarketSettings settings =
                RandomMarketSettings.defaults(1, START).withInitialTokens(20).withLaunches(0.02, 0.002, 0.2);
        StringWriter out = new StringWriter();
        List<MarketEvent> all = new ArrayList<>();
        try (SimulatedMarket market = SimulatedMarket.random(settings);
                MarketRecorder recorder = MarketRecorder.to(out)) {
            market.listen(recorder);
            market.listen(all::add);
            Instant t = START;
            while (all.size() < EVENTS) {
                market.advanceTo(t);
                t = t.plusSeconds(1);
            }
            traded = market.mints().getFirst();
        }
        events = List.copyOf(all.subList(0, EVENTS));
        StringBuilder lines = new StringBuilder();
        out.toString().lines().limit(EVENTS).forEach(line -> lines.append(line).append('\n'));
        recording = lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final PaperSettings PAPER = PaperSettings.defaults(7)
            .withPartials(new PaperSettings.Partials(2, 3))
            .withFailureRates(new PaperSettings.FailureRates(0.01, 0.01, 0.02, 0.05, 0));

    private MaCrossConfig config() {
        return new MaCrossConfig(traded, 20, new BigDecimal("0.5"), new BigDecimal("3"), new BigDecimal("3"));
    }

    private PaperDriver.Result drive(SimulatedMarket market) {
        PaperDriver.Result result = new PaperDriver(
                        market,
                        PaperExecutor.builder(PAPER, market).build(),
                        Duration.ofSeconds(1),
                        300,
                        Lamports.of(10_000))
                .bot(BotId.of("ma-cross-1"), new MaCrossProvider().create(config()), 1)
                .runToEnd();
        return check(result.events(), result);
    }

    private Backtest.Result backtest(SimulatedMarket market) {
        try (Backtest backtest = Backtest.builder(market)
                .paper(PAPER)
                .step(Duration.ofSeconds(1))
                .engine(b -> b.strategyProvider(new MaCrossProvider()).seed(1))
                .build()) {
            backtest.engine()
                    .start(BotSpec.builder(BotId.of("ma-cross-1"), "ma-cross", config())
                            .interval(Duration.ofSeconds(1))
                            .slippageBps(300)
                            .priorityFee(Lamports.of(10_000))
                            .maxFailuresInARow(1_000)
                            .build());
            Backtest.Result result = backtest.runToEnd();
            if (result.fills().isEmpty()) {
                throw new IllegalStateException("the bot made no trade: the benchmark measures nothing");
            }
            return check(result.events(), result);
        }
    }

    private static <T> T check(long events, T result) {
        if (events != EVENTS) {
            throw new IllegalStateException("replayed " + events + " events, expected " + EVENTS);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Backtest.Result engineFromJsonLines() {
        return backtest(SimulatedMarket.replay(new ByteArrayInputStream(recording)));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public Backtest.Result engineFromMemory() {
        return backtest(SimulatedMarket.of(events));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public PaperDriver.Result driverFromJsonLines() {
        return drive(SimulatedMarket.replay(new ByteArrayInputStream(recording)));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public PaperDriver.Result driverFromMemory() {
        return drive(SimulatedMarket.of(events));
    }
}
