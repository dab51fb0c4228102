package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.SolbotException;
import io.solbot.core.domain.BotId;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.spi.StopReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownTest {
    @Test
    void shouldStopTickingLetTheOrderInFlightFinishAndMarkRunsStopped() {
        CountDownLatch shutdownBegan = new CountDownLatch(1);
        List<StopReason> stops = new CopyOnWriteArrayList<>();
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(100)), b -> {});
        // the order stays in flight until the engine has begun to shut down
        f.executor.beforeEach(order -> {
            try {
                shutdownBegan.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        f.engine.subscribe(e -> {
            if (e instanceof EngineEvent.BotStopped s && s.reason() == StopReason.SHUTDOWN) {
                shutdownBegan.countDown();
            }
        });
        f.engine.start(spec("trader", () -> new io.solbot.core.spi.Strategy() {
                    @Override
                    public void onTick(io.solbot.core.spi.StrategyContext ctx) {
                        if (ctx.positions().isEmpty()) {
                            ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL);
                        }
                    }

                    @Override
                    public void onStop(io.solbot.core.spi.StrategyContext ctx, StopReason reason) {
                        stops.add(reason);
                    }
                })
                .build());
        f.engine.start(spec("idle", Scripted::idle).build());
        f.advance(Duration.ofMillis(500));
        assertThat(f.stores.tradeRecords.get()).isZero();

        boolean finished = f.engine.shutdown(Duration.ofSeconds(10));

        assertThat(finished).isTrue();
        assertThat(f.stores.tradeRecords.get()).isEqualTo(1);
        assertThat(stops).containsExactly(StopReason.SHUTDOWN);
        assertThat(f.engine.statuses()).allSatisfy(s -> assertThat(s.status()).isEqualTo(RunStatus.STOPPED));
        assertThat(f.stores.runs.find(BotId.of("trader")).orElseThrow().status())
                .isEqualTo(RunStatus.STOPPED);
        assertThat(f.stores.runs.find(BotId.of("trader")).orElseThrow().reason())
                .isEqualTo("SHUTDOWN");
        // a shutdown is no stop for good: each bot keeps its entry to come back as it was, state and all
        assertThat(f.stores.load(BotId.of("trader"))).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(entry.pendingIntents()).isEmpty();
        });
        assertThat(f.stores.load(BotId.of("idle"))).isPresent();
        long ticks = f.status("idle").tickCount();
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(f.status("idle").tickCount()).isEqualTo(ticks);
        assertThatThrownBy(() -> f.engine.start(spec("late", Scripted::idle).build()))
                .isInstanceOf(SolbotException.class)
                .hasMessage("The engine is shut down and starts no bots");
    }

    @Test
    void shouldKeepTheJournalOfAnOrderThatDidNotFinishInTimeToResumeTheBotAsItWas() {
        CountDownLatch never = new CountDownLatch(1);
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)), b -> {});
        f.executor.beforeEach(order -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        f.engine.start(spec("trader", () -> ctx -> ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL))
                .maxTrades(1)
                .build());
        f.advance(Duration.ofMillis(500));

        boolean finished = f.engine.shutdown(Duration.ofMillis(200));

        assertThat(finished).isFalse();
        assertThat(f.status("trader").status()).isEqualTo(RunStatus.STOPPED);
        assertThat(f.stores.load(BotId.of("trader"))).hasValueSatisfying(entry -> {
            // the entry kept for recovery records the status the bot had, so that a recovery resumes it as it was
            assertThat(entry.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(entry.pendingIntents()).hasSize(1);
        });
        never.countDown();
    }

    @Test
    void shouldHandOverOneBotKeepingItsEntryForTheNextOwnerWhileTheOthersRun() {
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(100)), b -> {});
        List<StopReason> stops = new CopyOnWriteArrayList<>();
        f.engine.start(spec("moving", () -> new io.solbot.core.spi.Strategy() {
                    @Override
                    public void onTick(io.solbot.core.spi.StrategyContext ctx) {
                        ctx.state().put("ticks", "some");
                    }

                    @Override
                    public void onStop(io.solbot.core.spi.StrategyContext ctx, StopReason reason) {
                        stops.add(reason);
                    }
                })
                .build());
        f.engine.start(spec("staying", Scripted::idle).build());
        f.advance(Duration.ofMillis(500));

        boolean settled = f.engine.handOver(BotId.of("moving"), Duration.ofSeconds(5));

        assertThat(settled).isTrue();
        assertThat(f.status("moving").status()).isEqualTo(RunStatus.STOPPED);
        // the next owner recovers it as it ran, with its state
        assertThat(f.stores.load(BotId.of("moving"))).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(entry.state()).containsEntry("ticks", "some");
        });
        long ticks = f.status("staying").tickCount();
        f.advance(Duration.ofMillis(500));
        assertThat(f.status("staying").tickCount()).isGreaterThan(ticks);
        assertThat(f.status("staying").status()).isEqualTo(RunStatus.RUNNING);
        // onStop runs on the bot's lane, after the hand-over returned
        assertThat(stops).containsExactly(StopReason.SHUTDOWN);
        // and this engine may take it back
        assertThat(f.engine.recover(spec("moving", Scripted::idle).build()).status())
                .isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void shouldLeaveABotStoppedWhenARestartRacesTheShutdown() throws Exception {
        BotId id = BotId.of("racer");
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("racer", Scripted::idle).build());
            f.advance(Duration.ofMillis(1500));
            Bot bot = f.engine.bot(id);
            CompletableFuture<Throwable> restart = new CompletableFuture<>();
            Thread operator;
            // the bot's lock as a gate: the restart has passed its first check of the engine and waits for the lock
            // while the shutdown (reentrant on this thread) stops the bot
            bot.lock().lock();
            try {
                operator = Thread.ofPlatform().start(() -> {
                    try {
                        f.engine.restart(id);
                        restart.complete(null);
                    } catch (Throwable e) {
                        restart.complete(e);
                    }
                });
                while (!bot.lock().hasQueuedThread(operator) && !restart.isDone()) {
                    Thread.onSpinWait();
                }
                assertThat(f.engine.shutdown(Duration.ofSeconds(5))).isTrue();
            } finally {
                bot.lock().unlock();
            }

            assertThat(restart.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(SolbotException.class)
                    .hasMessage("The engine is shut down and starts no bots");
            assertThat(f.status("racer").status()).isEqualTo(RunStatus.STOPPED);
            assertThat(f.stores.runs.find(id).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
        }
    }

    @Test
    void shouldMakeASecondShutdownWaitUntilTheFirstHasMarkedTheRunsStopped() throws Exception {
        BotId id = BotId.of("trader");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)), b -> {});
        f.executor.beforeEach(order -> {
            inFlight.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            f.engine.start(spec("trader", () -> ctx -> ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL))
                    .maxTrades(1)
                    .build());
            f.advance(Duration.ofMillis(500));
            assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Boolean> first = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> first.complete(f.engine.shutdown(Duration.ofSeconds(10))));
            // the first shutdown has stopped the bot in memory and now waits for the order in flight
            while (f.status("trader").status() != RunStatus.STOPPED) {
                Thread.onSpinWait();
            }
            CompletableFuture<RunStatus> storedWhenSecondReturned = new CompletableFuture<>();
            Thread second = Thread.ofPlatform().start(() -> {
                f.engine.shutdown(Duration.ofSeconds(10));
                storedWhenSecondReturned.complete(
                        f.stores.runs.find(id).orElseThrow().status());
            });
            while (!storedWhenSecondReturned.isDone() && second.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            release.countDown();

            assertThat(storedWhenSecondReturned.get(10, TimeUnit.SECONDS)).isEqualTo(RunStatus.STOPPED);
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            f.engine.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldStopEveryRunFromTheShutdownHookAndDeregisterIt() throws Exception {
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)),
                b -> b.shutdownHook(Duration.ofSeconds(5)))) {
            f.engine.start(spec("a", Scripted::idle).build());
            f.engine.start(spec("b", Scripted::idle).build());
            f.engine.pause(BotId.of("b"));
            f.advance(Duration.ofMillis(1500));
            Thread hook = f.engine.shutdownHook();
            assertThat(hook).isNotNull();

            // as the JVM would on SIGTERM: the hook runs on its own thread
            hook.start();
            hook.join(10_000);

            assertThat(hook.isAlive()).isFalse();
            for (String bot : List.of("a", "b")) {
                assertThat(f.stores.runs.find(BotId.of(bot)).orElseThrow())
                        .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.STOPPED))
                        .satisfies(r -> assertThat(r.reason()).isEqualTo("SHUTDOWN"));
            }
            // deregistered, so the JVM's own shutdown does not start the finished thread again
            assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
            assertThat(f.engine.shutdown(Duration.ofSeconds(1))).isTrue();
        }
    }
}
