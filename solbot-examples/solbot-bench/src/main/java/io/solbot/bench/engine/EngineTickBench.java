package io.solbot.bench.engine;

import io.solbot.core.domain.BotId;
import io.solbot.core.engine.BotSpec;
import io.solbot.core.engine.SimulatedClock;
import io.solbot.core.engine.SolbotEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per bot-tick without waiting for the wall clock: N bots at 1 s on a {@link SimulatedClock}, one
 * operation = one simulated second = N ticks, reported per tick; beside it, the same tick work in a bare loop.
 *
 * <pre>
 * java -jar solbot-examples/solbot-bench/target/benchmarks.jar EngineTickBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineTickBench {
    static final int N = 10_000;

    @Param({"10000"})
    int bots;

    SimulatedClock clock;
    SolbotEngine engine;
    EmaBot[] bare;

    @Setup(Level.Trial)
    public void setUp() {
        clock = SimulatedClock.startingAt(
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(10), Duration.ofSeconds(10));
        engine = SolbotEngine.builder()
                .strategyProvider(new EmaProvider())
                .clock(clock)
                .build();
        for (int i = 0; i < bots; i++) {
            engine.start(BotSpec.builder(BotId.of("bot-" + i), "ema-bench", i)
                    .interval(Duration.ofSeconds(1))
                    .build());
        }
        bare = new EmaBot[bots];
        for (int i = 0; i < bots; i++) {
            bare[i] = new EmaBot(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.shutdown(Duration.ofSeconds(10));
    }

    /** One simulated second: every bot ticks once, spread over 100 scheduler steps. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void engineSecond() {
        clock.advance(Duration.ofSeconds(1));
    }

    /** The same work in a plain loop over the bots. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int bareLoop() {
        int decisions = 0;
        for (EmaBot bot : bare) {
            decisions += bot.tick() ? 1 : 0;
        }
        return decisions;
    }
}
