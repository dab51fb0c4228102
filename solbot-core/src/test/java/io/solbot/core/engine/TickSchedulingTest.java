package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

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
                assertThat(st.tradesExecuted()).isEqualTo(51);
            });
        }
        assertThat(overlaps.get()).isZero();
        assertThat(fills.get()).isEqualTo(20 * 51);
    }
}
