package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Position;
import io.solbot.core.spi.OrderResult;
import io.solbot.core.spi.Strategy;
import io.solbot.core.spi.StrategyContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class TickSchedulingTest {
    @Test
    void shouldTickEachBotAtItsOwnInterval() {
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            f.engine.start(spec("every-1s", Scripted::idle).build());
            f.engine.start(spec("every-7s", Scripted::idle)
                    .interval(Duration.ofSeconds(7))
                    .build());
            f.engine.start(spec("every-60s", Scripted::idle)
                    .interval(Duration.ofSeconds(60))
                    .build());
            f.engine.start(spec("every-hour", Scripted::idle)
                    .interval(Duration.ofHours(1))
                    .build());

            f.advance(Duration.ofMinutes(10).minusMillis(500));

            // the first tick is due at once: 0, 1, ..., 599
            assertThat(f.status("every-1s").tickCount()).isEqualTo(600);
            assertThat(f.status("every-7s").tickCount()).isEqualTo(86);
            assertThat(f.status("every-60s").tickCount()).isEqualTo(10);
            assertThat(f.status("every-hour").tickCount()).isEqualTo(1);
            assertThat(f.engine.statuses())
                    .allSatisfy(s -> assertThat(s.skippedTicks()).isZero());
        }
    }

    @Test
    void shouldSkipTicksThatFallDueWhileTheTickStillRunsAndNotCatchUpAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ticks = new AtomicInteger();
        Strategy blocksOnce = ctx -> {
            if (ticks.incrementAndGet() == 1) {
                release.await();
            }
        };
        // a generous stall limit, so that the watchdog does not restart the bot during this test
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(20)),
                b -> b.staleAfterIntervals(100))) {
            f.engine.start(spec("slow", () -> blocksOnce).build());
            f.advance(Duration.ofMillis(5500));
            assertThat(f.status("slow").tickCount()).isEqualTo(1);
            assertThat(f.status("slow").skippedTicks()).isEqualTo(5);

            release.countDown();
            awaitLaneFree(f);
            f.advance(Duration.ofSeconds(3));

            // 6.0, 7.0 and 8.0: no burst of the five skipped ones
            assertThat(ticks.get()).isEqualTo(4);
            assertThat(f.status("slow").skippedTicks()).isEqualTo(5);
        }
    }

    /**
     * A strategy whose {@code onStart} or {@code onFill} waits while a gate is set, and that buys once on its first
     * tick; every instance shares the gate and the tick count.
     */
    private static final class Gated implements Strategy {
        final AtomicReference<CountDownLatch> startGate;
        final AtomicReference<CountDownLatch> fillGate;
        final AtomicInteger ticks;
        final boolean buyOnce;

        Gated(
                AtomicReference<CountDownLatch> startGate,
                AtomicReference<CountDownLatch> fillGate,
                AtomicInteger ticks,
                boolean buyOnce) {
            this.startGate = startGate;
            this.fillGate = fillGate;
            this.ticks = ticks;
            this.buyOnce = buyOnce;
        }

        @Override
        public void onStart(StrategyContext ctx) throws InterruptedException {
            CountDownLatch gate = startGate.get();
            if (gate != null) {
                gate.await();
            }
        }

        @Override
        public void onTick(StrategyContext ctx) {
            if (ticks.incrementAndGet() == 1 && buyOnce) {
                assertThat(ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL).isSubmitted())
                        .isTrue();
            }
        }

        @Override
        public void onFill(StrategyContext ctx, Fill fill) throws InterruptedException {
            CountDownLatch gate = fillGate.get();
            if (gate != null) {
                gate.await();
            }
        }
    }

    /** Callbacks that block are left behind after 50 ms of real time, so that the clock moves on without them. */
    private static Scripted.Fixture quickStraggling() {
        return new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)), b -> {});
    }

    @Test
    void shouldRunTheFirstTickRightAfterAnOnStartThatHeldTheLaneInsteadOfSkippingIt() throws Exception {
        AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = quickStraggling()) {
            f.engine.start(spec("slow-start", () -> new Gated(gate, new AtomicReference<>(), ticks, false))
                    .build());
            // the first tick is due at once, while onStart still waits
            f.advance(Duration.ofMillis(100));
            assertThat(ticks.get()).isZero();

            gate.get().countDown();
            awaitTicks(f, ticks, 1);
            f.advance(Duration.ofSeconds(3));

            // 0 (right after onStart), 1.0, 2.0, 3.0
            assertThat(ticks.get()).isEqualTo(4);
            assertThat(f.status("slow-start").tickCount()).isEqualTo(4);
            assertThat(f.status("slow-start").skippedTicks()).isZero();
        }
    }

    @Test
    void shouldNotSkipTheFirstTickOfAResumedBotWhoseOnStartHeldTheLane() throws Exception {
        AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = quickStraggling()) {
            BotId id = BotId.of("resumed");
            f.engine.start(spec("resumed", () -> new Gated(gate, new AtomicReference<>(), ticks, false))
                    .build());
            f.advance(Duration.ofMillis(1500));
            f.engine.pause(id);
            gate.set(new CountDownLatch(1));
            f.engine.resume(id);
            f.advance(Duration.ofMillis(100));

            gate.get().countDown();
            awaitTicks(f, ticks, 3);
            f.advance(Duration.ofSeconds(3));

            // 0 and 1.0; resumed at 1.5: 1.5 (right after onStart), 2.5, 3.5, 4.5
            assertThat(ticks.get()).isEqualTo(6);
            assertThat(f.status("resumed").skippedTicks()).isZero();
        }
    }

    @Test
    void shouldNotSkipTheFirstTickOfARestartedBotWhoseOnStartHeldTheLane() throws Exception {
        AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = quickStraggling()) {
            BotId id = BotId.of("restarted");
            f.engine.start(spec("restarted", () -> new Gated(gate, new AtomicReference<>(), ticks, false))
                    .build());
            f.advance(Duration.ofMillis(1500));
            gate.set(new CountDownLatch(1));
            f.engine.restart(id);
            f.advance(Duration.ofMillis(100));

            gate.get().countDown();
            awaitTicks(f, ticks, 3);
            f.advance(Duration.ofSeconds(3));

            // 0 and 1.0; restarted at 1.5: 1.5 (right after onStart), 2.5, 3.5, 4.5
            assertThat(ticks.get()).isEqualTo(6);
            assertThat(f.status("restarted").skippedTicks()).isZero();
        }
    }

    @Test
    void shouldNotSkipTheFirstTickAfterAWatchdogRestartWhoseOnStartHeldTheLane() throws Exception {
        AtomicReference<CountDownLatch> gate = new AtomicReference<>();
        AtomicInteger ticks = new AtomicInteger();
        Strategy throwsOnce = new Strategy() {
            @Override
            public void onStart(StrategyContext ctx) throws InterruptedException {
                CountDownLatch g = gate.get();
                if (g != null) {
                    g.await();
                }
            }

            @Override
            public void onTick(StrategyContext ctx) {
                if (ticks.incrementAndGet() == 1) {
                    gate.set(new CountDownLatch(1));
                    throw new IllegalStateException("first tick fails");
                }
            }
        };
        try (Scripted.Fixture f = quickStraggling()) {
            f.engine.start(spec("restarted", () -> throwsOnce).build());
            // the first tick throws at 0; the watchdog restarts the bot at 1.0, and its onStart waits
            f.advance(Duration.ofMillis(1100));
            assertThat(f.status("restarted").restartCount()).isEqualTo(1);
            assertThat(ticks.get()).isEqualTo(1);

            gate.get().countDown();
            awaitTicks(f, ticks, 2);
            f.advance(Duration.ofSeconds(3));

            // 0 (threw); restarted at 1.0: 1.0 (right after onStart), 2.0, 3.0, 4.0
            assertThat(ticks.get()).isEqualTo(5);
            assertThat(f.status("restarted").skippedTicks()).isZero();
        }
    }

    @Test
    void shouldRunATickThatFellDueWhileAFillHeldTheLaneRightAfterTheFill() throws Exception {
        AtomicReference<CountDownLatch> fillGate = new AtomicReference<>(new CountDownLatch(1));
        AtomicInteger ticks = new AtomicInteger();
        try (Scripted.Fixture f = quickStraggling()) {
            f.engine.start(spec("slow-fill", () -> new Gated(new AtomicReference<>(), fillGate, ticks, true))
                    .build());
            // the tick at 0 buys; its onFill waits while the tick at 1.0 falls due
            f.advance(Duration.ofMillis(1100));
            assertThat(ticks.get()).isEqualTo(1);
            assertThat(f.status("slow-fill").ordersFilled()).isEqualTo(1);

            fillGate.get().countDown();
            awaitTicks(f, ticks, 2);
            f.advance(Duration.ofSeconds(3));

            // 0, 1.0 (right after the fill), 2.0, 3.0, 4.0
            assertThat(ticks.get()).isEqualTo(5);
            assertThat(f.status("slow-fill").skippedTicks()).isZero();
        }
    }

    /** Waits, with a deadline, until the bot's waiting tick has run and its lane is free again. */
    private static void awaitTicks(Scripted.Fixture f, AtomicInteger ticks, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ticks.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(ticks.get())
                .as("ticks run right after the callback that held the lane")
                .isEqualTo(expected);
        awaitLaneFree(f);
    }

    private static void awaitLaneFree(Scripted.Fixture f) throws InterruptedException {
        // the released tick ends on its own virtual thread; wait for it with a deadline, not a sleep
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (f.engine.tracker().active() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertThat(f.engine.tracker().active()).isZero();
    }

    @Test
    void shouldNeverRunOneBotsCallbacksConcurrentlyWhileFillsArriveDuringTicks() {
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger fills = new AtomicInteger();
        class Trader implements Strategy {
            // one instance per bot: overlap is only wrong within one bot
            final AtomicBoolean inCallback = new AtomicBoolean();

            void enter() {
                if (!inCallback.compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                }
            }

            void leave() {
                inCallback.set(false);
            }

            @Override
            public void onTick(StrategyContext ctx) {
                enter();
                try {
                    List<Position> held = ctx.positions();
                    OrderResult r = held.isEmpty()
                            ? ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL)
                            : ctx.orders().sell(Scripted.MINT, held.getFirst().quantity());
                    assertThat(r.isSubmitted()).as(r.toString()).isTrue();
                    // hold the lane for a moment, so the fill arrives while the tick still runs
                    long until = System.nanoTime() + 200_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                } finally {
                    leave();
                }
            }

            @Override
            public void onFill(StrategyContext ctx, Fill fill) {
                enter();
                try {
                    fills.incrementAndGet();
                } finally {
                    leave();
                }
            }
        }
        try (Scripted.Fixture f = new Scripted.Fixture()) {
            for (int i = 0; i < 20; i++) {
                f.engine.start(spec("t-" + i, Trader::new).build());
            }
            f.advance(Duration.ofSeconds(50));
            assertThat(f.engine.statuses()).allSatisfy(st -> {
                assertThat(st.lastError()).isEmpty();
                assertThat(st.ordersFilled()).isEqualTo(51);
            });
        }
        assertThat(overlaps.get()).isZero();
        assertThat(fills.get()).isEqualTo(20 * 51);
    }
}
