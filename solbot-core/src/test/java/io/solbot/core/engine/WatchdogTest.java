package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.spi.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private static double secondsSinceStart(EngineEvent e) {
        return Duration.between(Scripted.T0, e.at()).toMillis() / 1000.0;
    }

    @Test
    void shouldRestartABotThatThrowsWithExponentialBackoffThenFailItWithTheReason() {
        Strategy throwsEveryTick = ctx -> {
            throw new IllegalStateException("no price feed");
        };
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.restartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1))
                        .maxRestarts(3, Duration.ofMinutes(10)))) {
            f.engine.start(spec("thrower", () -> throwsEveryTick).build());
            f.advance(Duration.ofMinutes(1));

            List<EngineEvent.BotRestarted> restarts = f.events(EngineEvent.BotRestarted.class);
            assertThat(restarts)
                    .extracting(EngineEvent.BotRestarted::restartCount)
                    .containsExactly(1, 2, 3);
            // each run's first tick throws at once; the waits before the restarts are 1 s, 2 s and 4 s
            assertThat(secondsSinceStart(restarts.get(0))).isCloseTo(1.0, within(0.05));
            assertThat(secondsSinceStart(restarts.get(1))).isCloseTo(3.0, within(0.05));
            assertThat(secondsSinceStart(restarts.get(2))).isCloseTo(7.0, within(0.05));
            assertThat(restarts.getFirst().cause())
                    .contains("onTick threw java.lang.IllegalStateException: no price feed");

            BotStatus status = f.status("thrower");
            assertThat(status.status()).isEqualTo(RunStatus.FAILED);
            assertThat(status.restartCount()).isEqualTo(3);
            assertThat(status.tickCount()).isEqualTo(4);
            assertThat(status.lastError())
                    .hasValueSatisfying(e -> assertThat(e)
                            .startsWith("restarted 3 times within PT10M and failed again: onTick threw")
                            .contains("no price feed"));
            assertThat(f.events(EngineEvent.BotFailed.class))
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.reason()).isEqualTo(status.lastError().orElseThrow()));
            assertThat(f.stores.runs.find(status.botId()).orElseThrow().status())
                    .isEqualTo(RunStatus.FAILED);
        }
    }

    @Test
    void shouldRestartABotWhoseTickIsStuckAndInterruptTheStuckTick() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger instances = new AtomicInteger();
        AtomicInteger ticksOfSecond = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(20)),
                b -> b.staleAfterIntervals(3))) {
            f.engine.start(spec(
                            "stuck",
                            () -> instances.incrementAndGet() == 1
                                    ? ctx -> {
                                        try {
                                            never.await();
                                        } catch (InterruptedException e) {
                                            interrupted.set(true);
                                            throw e;
                                        }
                                    }
                                    : ctx -> ticksOfSecond.incrementAndGet())
                    .build());
            f.advance(Duration.ofMillis(10_500));

            BotStatus status = f.status("stuck");
            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(status.restartCount()).isEqualTo(1);
            // stuck at 0; skipped 1, 2, 3 and 4 (at 4 it had run for more than 3 intervals); restarted at 5
            assertThat(status.skippedTicks()).isEqualTo(4);
            assertThat(ticksOfSecond.get()).isEqualTo(6);
            assertThat(f.events(EngineEvent.BotRestarted.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.cause())
                            .isEqualTo("no tick finished for 3990 ms (more than 3 intervals of PT1S)"));
        }
        assertThat(interrupted).isTrue();
    }

    @Test
    void shouldHaltABotAfterHaltOnFailuresFailedOrdersInARow() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.failWith("no route");
            f.engine.start(spec("buyer", () -> ctx -> ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL))
                    .haltOnFailures(3)
                    .build());
            f.advance(Duration.ofSeconds(10));

            BotStatus status = f.status("buyer");
            assertThat(status.status()).isEqualTo(RunStatus.FAILED);
            assertThat(status.tickCount()).isEqualTo(3);
            assertThat(status.consecutiveFailures()).isEqualTo(3);
            assertThat(status.lastError())
                    .hasValue("halted after 3 failed orders in a row; the last failed at land: no route");
            assertThat(f.events(EngineEvent.OrderFailed.class)).hasSize(3);
            assertThat(f.events(EngineEvent.BotFailed.class)).hasSize(1);
            assertThat(f.events(EngineEvent.BotRestarted.class)).isEmpty();
        }
    }

    @Test
    void shouldResetTheFailureCountWhenAnOrderFills() {
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.failWith("no route");
            f.engine.start(spec("buyer", () -> ctx -> {
                        // every third order fills
                        f.executor.failWith(ticks.incrementAndGet() % 3 == 0 ? null : "no route");
                        ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL);
                    })
                    .haltOnFailures(3)
                    .build());
            f.advance(Duration.ofMillis(9500));

            assertThat(f.status("buyer").status()).isEqualTo(RunStatus.RUNNING);
            assertThat(f.status("buyer").tradesExecuted()).isEqualTo(3);
        }
    }
}
