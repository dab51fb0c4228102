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
        // clean stop, nothing in flight: the journal entries are gone
        assertThat(f.stores.entries()).isEmpty();
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
}
