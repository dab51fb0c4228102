package io.solbot.core.market;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplaySourceTest {
    private static String recording(int minutes) {
        StringWriter out = new StringWriter();
        RandomMarketSettings settings = RandomMarketSettings.defaults(5, T0).withLaunches(0.2, 0.02, 0.3);
        try (SimulatedMarket market = SimulatedMarket.random(settings);
                MarketRecorder recorder = MarketRecorder.to(out)) {
            market.listen(recorder);
            market.advanceTo(T0.plus(Duration.ofMinutes(minutes)));
        }
        return out.toString();
    }

    private static boolean parserThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("solbot-replay-parser") && t.isAlive());
    }

    @Test
    void shouldStopParsingAheadWhenClosedEarly() throws InterruptedException {
        String text = recording(30); // many batches: the parser waits on a full queue
        try (SimulatedMarket replay = SimulatedMarket.replay(new StringReader(text))) {
            replay.advanceTo(T0.plusSeconds(5));
            assertThat(replay.eventsApplied()).isPositive();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (parserThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(parserThreadAlive()).isFalse();
    }

    @Test
    void shouldFailOnAMalformedLineFarIntoTheRecordingNamingIt() {
        String[] lines = recording(10).split("\n");
        assertThat(lines.length).isGreaterThan(1500);
        lines[1400] = "{\"t\":not json";
        String broken = String.join("\n", lines) + "\n";
        try (SimulatedMarket replay = SimulatedMarket.replay(new StringReader(broken))) {
            assertThatThrownBy(() -> replay.advanceTo(T0.plus(Duration.ofMinutes(10))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("market recording, line 1401: ");
            // the events of the lines before it were applied, except the last: it is handed out with the next read
            assertThat(replay.eventsApplied()).isEqualTo(1399);
        }
    }
}
