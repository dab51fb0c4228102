package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.spi.BotHaltException;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.restartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1))
                        .maxRestarts(3, Duration.ofMinutes(10))
                        .meterRegistry(registry))) {
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
            // four runs, each failed once; three of them were restarts
            assertThat(count(registry, "solbot.errors")).isEqualTo(4);
            assertThat(count(registry, "solbot.restarts")).isEqualTo(3);
            assertThat(count(registry, "solbot.ticks.skipped")).isZero();
        }
    }

    @Test
    void shouldFailABotWhoseStrategyHaltsItAtOnceWithoutRestartingIt() {
        AtomicInteger ticks = new AtomicInteger();
        Strategy halts = ctx -> {
            if (ticks.incrementAndGet() == 3) {
                throw new BotHaltException("kill switch: 3 failed orders");
            }
        };
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.restartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1))
                        .maxRestarts(3, Duration.ofMinutes(10)))) {
            f.engine.start(spec("halter", () -> halts).build());
            f.advance(Duration.ofMinutes(1));

            BotStatus status = f.status("halter");
            assertThat(status.status()).isEqualTo(RunStatus.FAILED);
            assertThat(status.restartCount()).isZero();
            assertThat(ticks.get()).isEqualTo(3);
            assertThat(f.events(EngineEvent.BotRestarted.class)).isEmpty();
            assertThat(f.events(EngineEvent.BotFailed.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("kill switch: 3 failed orders"));
        }
    }

    private static double count(SimpleMeterRegistry registry, String counter) {
        var meter = registry.get(counter).tag("strategy", "scripted");
        // the tick counters are function counters over the engine's tallies; the others count as they go
        return counter.startsWith("solbot.ticks")
                ? meter.functionCounter().count()
                : meter.counter().count();
    }

    @Test
    void shouldRestartABotWhoseTickIsStuckAndInterruptTheStuckTick() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger instances = new AtomicInteger();
        AtomicInteger ticksOfSecond = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(20)),
                b -> b.staleAfterIntervals(3).meterRegistry(registry))) {
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
            // the stall counts once as an error; the interrupted tick's throw belongs to the replaced run
            assertThat(count(registry, "solbot.ticks.skipped")).isEqualTo(4);
            assertThat(count(registry, "solbot.errors")).isEqualTo(1);
            assertThat(count(registry, "solbot.restarts")).isEqualTo(1);
        }
        assertThat(interrupted).isTrue();
    }

    @Test
    void shouldForgetRestartsOlderThanTheWindowAndRestartAgainInsteadOfFailing() {
        AtomicBoolean failing = new AtomicBoolean(true);
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.restartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .maxRestarts(2, Duration.ofMinutes(1)))) {
            f.engine.start(spec("flaky", () -> ctx -> {
                        if (failing.get()) {
                            throw new IllegalStateException("rpc down");
                        }
                    })
                    .build());
            // fails at 0 (restarted at 1 s) and at 1 s (restarted at 2 s): two restarts, the most the window allows
            f.advance(Duration.ofMillis(1500));
            assertThat(f.status("flaky").restartCount()).isEqualTo(1);
            failing.set(false);
            f.advance(Duration.ofMinutes(2));
            assertThat(f.status("flaky").restartCount()).isEqualTo(2);
            assertThat(f.status("flaky").status()).isEqualTo(RunStatus.RUNNING);

            // both restarts are older than the window now: the failure of the next tick (at 122 s) is the first of a
            // new
            // window, and the bot is restarted at 123 s
            failing.set(true);
            f.advance(Duration.ofSeconds(2));

            BotStatus status = f.status("flaky");
            assertThat(status.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(status.restartCount()).isEqualTo(3);
            assertThat(f.events(EngineEvent.BotFailed.class)).isEmpty();
        }
    }

    @Test
    void shouldKeepTickingWhenAWatchdogRestartIsOvertakenByAnOperatorRestart() {
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            BotId id = BotId.of("overtaken");
            f.engine.start(
                    spec("overtaken", () -> ctx -> ticks.incrementAndGet()).build());
            f.advance(Duration.ofMillis(1500));
            Bot bot = f.engine.bot(id);

            // the order the scheduler may see them in: the operator's restart queues its tick, then a watchdog restart
            // decided for the run before it arrives (as the old code queued it after releasing the bot's lock)
            f.engine.restart(id);
            f.engine
                    .wheel()
                    .scheduleRestart(
                            bot, f.engine.nanos() + Duration.ofSeconds(1).toNanos());
            int before = ticks.get();
            f.advance(Duration.ofSeconds(10));

            assertThat(f.status("overtaken").status()).isEqualTo(RunStatus.RUNNING);
            assertThat(ticks.get() - before).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void shouldRefuseStateWritesAndOrdersOfAStuckRunAfterTheWatchdogReplacedIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch oldTickDone = new CountDownLatch(1);
        AtomicInteger instances = new AtomicInteger();
        AtomicReference<Throwable> putOutcome = new AtomicReference<>();
        AtomicReference<OrderResult> orderOutcome = new AtomicReference<>();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(20)),
                b -> b.staleAfterIntervals(3))) {
            f.engine.start(spec(
                            "stubborn",
                            () -> instances.incrementAndGet() == 1
                                    ? ctx -> {
                                        // ignores the watchdog's interrupt and carries on once released
                                        while (true) {
                                            try {
                                                release.await();
                                                break;
                                            } catch (InterruptedException ignored) {
                                                // keep waiting, as a badly behaved strategy would
                                            }
                                        }
                                        try {
                                            ctx.state().put("owner", "old");
                                        } catch (RuntimeException e) {
                                            putOutcome.set(e);
                                        }
                                        orderOutcome.set(ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL));
                                        oldTickDone.countDown();
                                    }
                                    : ctx -> ctx.state().put("owner", "new"))
                    .build());
            f.advance(Duration.ofMillis(6500));
            assertThat(f.status("stubborn").restartCount()).isEqualTo(1);
            assertThat(instances.get()).isEqualTo(2);

            release.countDown();
            assertThat(oldTickDone.await(10, TimeUnit.SECONDS)).isTrue();
            f.advance(Duration.ofSeconds(1));

            assertThat(putOutcome.get())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Bot 'stubborn': a replaced run of its strategy tried to put 'owner' in its state; the"
                            + " state belongs to the bot's current run");
            assertThat(orderOutcome.get()).isInstanceOf(OrderResult.Refused.class);
            assertThat(((OrderResult.Refused) orderOutcome.get()).reason()).contains("has ended");
            assertThat(f.stores.load(BotId.of("stubborn")).orElseThrow().state())
                    .containsEntry("owner", "new");
            assertThat(f.stores.trades.fills(BotId.of("stubborn"))).isEmpty();
        }
    }

    @Test
    void shouldHaltABotAfterHaltOnFailuresFailedOrdersInARow() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.executor.failWith("no route");
            f.engine.start(spec("buyer", () -> ctx -> ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL))
                    .maxFailuresInARow(3)
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
                    .maxFailuresInARow(3)
                    .build());
            f.advance(Duration.ofMillis(9500));

            assertThat(f.status("buyer").status()).isEqualTo(RunStatus.RUNNING);
            assertThat(f.status("buyer").ordersFilled()).isEqualTo(3);
        }
    }
}
