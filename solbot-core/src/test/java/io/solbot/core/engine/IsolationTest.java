package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * In real time, because what is tested is that wall-clock ticks of healthy bots keep their rate while one bot
 * throws on every tick and another blocks for minutes. About four seconds.
 */
class IsolationTest {
    @Test
    void shouldKeepTheTickRateOfAHundredBotsWhileOneThrowsEveryTickAndOneBlocksForMinutes() throws Exception {
        CountDownLatch minutes = new CountDownLatch(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SolbotEngine engine = SolbotEngine.builder()
                .strategyProvider(new Scripted())
                .meterRegistry(meters)
                // the blocked bot must stay blocked for the whole test, not be restarted by the watchdog
                .staleAfterIntervals(1_000)
                .restartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .maxRestarts(1_000, Duration.ofMinutes(1))
                .build();
        try {
            engine.start(spec("thrower", () -> ctx -> {
                        throw new IllegalStateException("always");
                    })
                    .build());
            engine.start(spec("blocker", () -> ctx -> minutes.await(5, TimeUnit.MINUTES))
                    .build());
            long began = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                engine.start(spec("healthy-" + i, Scripted::idle).build());
            }

            // wait, with a deadline, until every healthy bot has ticked four times (first tick within 1 s)
            long deadline = began + TimeUnit.SECONDS.toNanos(20);
            while (healthy(engine).stream().anyMatch(s -> s.tickCount() < 4) && System.nanoTime() < deadline) {
                // poll, do not spin: the engine under test shares the two cores with this thread
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            List<BotStatus> healthy = healthy(engine);

            // four ticks take between 3 s (first tick at once) and 4 s (first tick a whole interval later)
            assertThat(took).isBetween(Duration.ofMillis(2_900), Duration.ofMillis(4_500));
            assertThat(healthy).allSatisfy(s -> {
                assertThat(s.tickCount()).isBetween(4L, 5L);
                assertThat(s.skippedTicks()).isZero();
                assertThat(s.lastError()).isEmpty();
                assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
            });
            assertThat(engine.status(BotId.of("blocker")).tickCount()).isEqualTo(1);
            assertThat(engine.status(BotId.of("blocker")).skippedTicks()).isGreaterThanOrEqualTo(2);
            assertThat(engine.status(BotId.of("thrower")).restartCount()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("solbot.tick.lateness").timer().max(TimeUnit.MILLISECONDS))
                    .isLessThan(250);
        } finally {
            minutes.countDown();
            engine.shutdown(Duration.ofSeconds(5));
        }
    }

    private static List<BotStatus> healthy(SolbotEngine engine) {
        return engine.statuses().stream()
                .filter(s -> s.botId().value().startsWith("healthy-"))
                .toList();
    }
}
