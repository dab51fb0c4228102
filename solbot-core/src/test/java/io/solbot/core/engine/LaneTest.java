package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LaneTest {
    private static final Consumer<Runnable> NEW_THREAD =
            task -> Thread.ofVirtual().start(task);

    @Test
    void shouldQueueATickThatFindsTheLaneHeldByAMessageAndSkipOnlyTheNextOne() throws Exception {
        List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch messageRuns = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch tickRan = new CountDownLatch(1);
        Lane lane = lane(tally -> {
            calls.add("tick");
            tickRan.countDown();
        });

        lane.post(
                () -> {
                    calls.add("onStart");
                    messageRuns.countDown();
                    await(release);
                },
                NEW_THREAD);
        assertThat(messageRuns.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(lane.offerTick(10)).isEqualTo(Lane.Offer.QUEUED);
        assertThat(lane.dueNanos).isEqualTo(10);
        // the queued tick has not run yet: a second due tick is a skip, and keeps the first one's due time
        assertThat(lane.offerTick(20)).isEqualTo(Lane.Offer.BUSY);
        assertThat(lane.dueNanos).isEqualTo(10);

        release.countDown();
        assertThat(tickRan.await(5, TimeUnit.SECONDS)).isTrue();
        awaitFree(lane);
        assertThat(calls).containsExactly("onStart", "tick");
        assertThat(lane.offerTick(30)).isEqualTo(Lane.Offer.TAKEN);
    }

    @Test
    void shouldRunMessagesPostedDuringATickAfterIt() throws Exception {
        List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        Lane[] self = new Lane[1];
        Lane lane = lane(tally -> {
            calls.add("tick");
            // a fill arriving while the tick runs must wait for it, not get a thread of its own
            self[0].post(
                    () -> {
                        calls.add("onFill");
                        done.countDown();
                    },
                    task -> calls.add("a second holder"));
            calls.add("tick ends");
        });
        self[0] = lane;

        assertThat(lane.offerTick(0)).isEqualTo(Lane.Offer.TAKEN);
        lane.runTick(new TickTally());

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).containsExactly("tick", "tick ends", "onFill");
    }

    @Test
    void shouldNeverOverlapCallbacksAndRunEveryTickItAcceptedUnderContention() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger ticksRun = new AtomicInteger();
        AtomicInteger messagesRun = new AtomicInteger();
        Runnable enterLeave = () -> {
            if (!inside.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            Thread.onSpinWait();
            inside.set(false);
        };
        Lane lane = lane(tally -> {
            enterLeave.run();
            ticksRun.incrementAndGet();
        });
        int posters = 2;
        int messagesEach = 20_000;
        CountDownLatch postersDone = new CountDownLatch(posters);
        for (int p = 0; p < posters; p++) {
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < messagesEach; i++) {
                    lane.post(
                            () -> {
                                enterLeave.run();
                                messagesRun.incrementAndGet();
                            },
                            NEW_THREAD);
                }
                postersDone.countDown();
            });
        }
        // the scheduler's part, on this thread: ticks it hands to a worker, and ticks it leaves to the holder
        int accepted = 0;
        int skipped = 0;
        while (postersDone.getCount() > 0) {
            switch (lane.offerTick(0)) {
                case TAKEN -> {
                    accepted++;
                    NEW_THREAD.accept(() -> lane.runTick(new TickTally()));
                }
                case QUEUED -> accepted++;
                case BUSY -> skipped++;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((ticksRun.get() < accepted || messagesRun.get() < posters * messagesEach)
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        awaitFree(lane);

        assertThat(overlaps.get()).isZero();
        assertThat(messagesRun.get()).isEqualTo(posters * messagesEach);
        assertThat(ticksRun.get()).isEqualTo(accepted);
        assertThat(accepted + skipped).isPositive();
    }

    /** A lane whose tick is {@code tick}. */
    private static Lane lane(java.util.function.Consumer<TickTally> tick) {
        return new Lane() {
            @Override
            void tick(TickTally tally) {
                tick.accept(tally);
            }
        };
    }

    private static void awaitFree(Lane lane) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (lane.isFree()) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the lane was never freed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
