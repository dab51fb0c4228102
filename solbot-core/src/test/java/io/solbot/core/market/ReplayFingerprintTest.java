package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.execution.ExecModel;
import io.solbot.core.execution.PaperExecutor;
import io.solbot.core.execution.PaperSettings;
import io.solbot.core.execution.PaperSettings.FailureRates;
import io.solbot.core.execution.PaperSettings.Partials;
import io.solbot.core.testing.MomentumStrategy;
import io.solbot.core.testing.PaperDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded run replays into the same trades, byte for byte: the market, a strategy and the paper executor driven
 * by a test loop, fingerprinted over every fill and failure.
 */
class ReplayFingerprintTest {
    private static final Instant END = T0.plus(Duration.ofMinutes(5));
    private static final RandomMarketSettings MARKET =
            RandomMarketSettings.defaults(2026, T0).withLaunches(0.02, 0.02, 0.3);
    private static final PaperSettings PAPER = PaperSettings.defaults(17)
            .withExecModel(ExecModel.JITO_FALLBACK)
            .withPartials(new Partials(1, 3))
            .withFailureRates(new FailureRates(0.02, 0.02, 0.05, 0.2, 0.3))
            .withSlippageBpsCap(800);

    private static PaperDriver.Result run(SimulatedMarket market, PaperSettings paper) {
        PaperDriver driver = new PaperDriver(
                market, PaperExecutor.builder(paper, market).build(), Duration.ofSeconds(1), 300, Lamports.of(10_000));
        driver.bot(BotId.of("momentum-1"), new MomentumStrategy(market::mints, Lamports.ofSol("0.5"), "0.5", "3"), 1)
                .bot(BotId.of("momentum-2"), new MomentumStrategy(market::mints, Lamports.ofSol("2"), "1", "5"), 2);
        return driver.runUntil(END);
    }

    @Test
    void shouldReproduceARecordedRunExactlyWhenReplayed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jsonl");
        PaperDriver.Result recorded;
        try (SimulatedMarket market = SimulatedMarket.random(MARKET);
                MarketRecorder recorder = MarketRecorder.to(file)) {
            market.listen(recorder);
            recorded = run(market, PAPER);
        }
        // the run exercised the interesting paths
        assertThat(recorded.fills()).hasSizeGreaterThan(50);
        assertThat(recorded.fills())
                .anyMatch(f -> f.parts() > 1)
                .anyMatch(f -> !f.tip().isZero());
        assertThat(recorded.failures()).extracting(f -> f.stage()).contains("quote", "send", "land");

        Path again = dir.resolve("again.jsonl");
        PaperDriver.Result replayed;
        try (SimulatedMarket market = SimulatedMarket.replay(file);
                MarketRecorder recorder = MarketRecorder.to(again)) {
            market.listen(recorder);
            replayed = run(market, PAPER);
        }

        assertThat(replayed.fills()).isEqualTo(recorded.fills());
        assertThat(replayed.failures()).isEqualTo(recorded.failures());
        assertThat(replayed.fingerprint()).isEqualTo(recorded.fingerprint());
        assertThat(replayed.events()).isEqualTo(recorded.events());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    @Test
    void shouldRepeatARunForTheSameSeedsAndDifferForAnotherExecutorSeed() {
        String first = run(SimulatedMarket.random(MARKET), PAPER).fingerprint();
        assertThat(run(SimulatedMarket.random(MARKET), PAPER).fingerprint()).isEqualTo(first);
        assertThat(run(SimulatedMarket.random(MARKET), PAPER.withSeed(18)).fingerprint())
                .isNotEqualTo(first);
    }
}
