package io.solbot.core.execution;

import static io.solbot.core.testing.Markets.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The timelines a paper executor spends its latencies on; the backtest's own is tested with the backtest. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimelineTest {
    /** A clock that reads {@code T0}, then 10 ms later at each further read, and remembers what it answered. */
    static final class SteppingClock extends Clock {
        final List<Instant> reads = new ArrayList<>();
        private Instant next = T0;

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            reads.add(now);
            next = next.plusMillis(10);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void shouldReturnAtOnceForATimeThatHasComeWithoutSleeping() {
        // a fixed clock never moves: a timeline that slept for a time at or before it would never return
        Timeline timeline = Timeline.sleeping(Clock.fixed(T0, ZoneOffset.UTC));

        timeline.awaitUntil(T0.minusSeconds(1));
        timeline.awaitUntil(T0);
    }

    @Test
    void shouldSleepAgainUntilTheClockHasReachedTheTime() {
        SteppingClock clock = new SteppingClock();

        Timeline.sleeping(clock).awaitUntil(T0.plusMillis(30));

        // it asked the clock after each sleep, and stopped at the first answer not before the time
        assertThat(clock.reads).containsExactly(T0, T0.plusMillis(10), T0.plusMillis(20), T0.plusMillis(30));
    }

    @Test
    void shouldNotReturnBeforeTheSystemClockReadsTheTime() {
        Clock clock = Clock.systemUTC();
        Instant time = clock.instant().plusMillis(50);

        Timeline.sleeping(clock).awaitUntil(time);

        assertThat(clock.instant()).isAfterOrEqualTo(time);
    }

    @Test
    void shouldReturnEarlyAndKeepTheInterruptWhenInterrupted() {
        Clock clock = Clock.systemUTC();
        Thread.currentThread().interrupt();

        Timeline.sleeping(clock).awaitUntil(clock.instant().plus(Duration.ofHours(1)));

        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void shouldLetNothingHappenOnTheNoneTimeline() {
        Timeline.none().awaitUntil(Instant.MAX);
    }
}
