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
 *
 * <p>On a shared machine the host itself can stall every thread for a second (a CI neighbour, a hypervisor), and then
 * a healthy bot rightly skips a tick. So a {@link HostStallProbe} watches the run: a run that fails while the host
 * stalled for longer than {@value #HOST_STALL_LIMIT_MS} ms proves nothing either way and is run once more, with the
 * same assertions. A failure on a quiet host fails at once.
 */
class IsolationTest {
    private static final long HOST_STALL_LIMIT_MS = 200;

    @Test
    void shouldKeepTheTickRateOfAHundredBotsWhileOneThrowsEveryTickAndOneBlocksForMinutes() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (HostStallProbe probe = new HostStallProbe()) {
                try {
                    runOnce();
                    return;
                } catch (AssertionError e) {
                    long stall = probe.worstStallMillis();
                    if (stall <= HOST_STALL_LIMIT_MS || attempt == 2) {
                        e.addSuppressed(new AssertionError("the host stalled a plain thread for at most " + stall
                                + " ms during this run (attempt " + attempt + ")"));
                        throw e;
                    }
                    System.err.println("IsolationTest: the host stalled for " + stall + " ms; running once more");
                }
            }
        }
    }

    private static void runOnce() throws Exception {
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
            List<BotStatus> healthy = healthy(engine);

            // each bot at its own rate, from its own start (starting a hundred bots takes a while on a busy host):
            // tick n is due at startedAt + offset + (n - 1) intervals, the first tick's offset under one interval
            assertThat(healthy).allSatisfy(s -> {
                long n = s.tickCount();
                Duration span = Duration.between(s.startedAt(), s.lastTickAt().orElseThrow());
                assertThat(n).isGreaterThanOrEqualTo(4);
                assertThat(span)
                        .as("from start to tick %d", n)
                        .isBetween(
                                Duration.ofSeconds(n - 1).minusMillis(50),
                                Duration.ofSeconds(n).plusMillis(250));
                assertThat(s.skippedTicks()).isZero();
                assertThat(s.lastError()).isEmpty();
                assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
            });
            assertThat(engine.status(BotId.of("blocker")).tickCount()).isEqualTo(1);
            assertThat(engine.status(BotId.of("blocker")).skippedTicks()).isGreaterThanOrEqualTo(2);
            assertThat(engine.status(BotId.of("thrower")).restartCount()).isGreaterThanOrEqualTo(1);
            // its ticks throw at once, so none of them was ever stuck: no skip has a cause, the first tick of each
            // restarted run included (it falls due while that run's onStart holds the lane, and runs after it)
            assertThat(engine.status(BotId.of("thrower")).skippedTicks()).isZero();
            assertThat(engine.tickStats())
                    .singleElement()
                    .satisfies(s -> assertThat(s.lateness().max()).isLessThan(Duration.ofMillis(250)));
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
