package io.solbot.core.engine;

import static io.solbot.core.engine.Scripted.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.domain.BotId;
import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EventsAndMetricsTest {
    @Test
    void shouldDeliverEveryEventToAHealthySubscriberWhileOthersThrowOrBlock() {
        CountDownLatch blocked = new CountDownLatch(1);
        List<EngineEvent> healthy = new CopyOnWriteArrayList<>();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofMillis(50)), b -> {})) {
            f.engine.subscribe(e -> {
                throw new IllegalStateException("subscriber bug");
            });
            f.engine.subscribe(e -> {
                try {
                    blocked.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            Subscription subscription = f.engine.subscribe(healthy::add);
            f.engine.start(spec("trader", () -> ctx -> {
                        if (ctx.positions().isEmpty()) {
                            ctx.orders().buy(Scripted.MINT, Scripted.TENTH_SOL);
                        } else {
                            ctx.orders()
                                    .sell(
                                            Scripted.MINT,
                                            ctx.positions().getFirst().quantity());
                        }
                    })
                    .build());
            f.advance(Duration.ofSeconds(4));
            f.engine.stop(BotId.of("trader"));
            f.advance(Duration.ofSeconds(1));
            subscription.close();
            f.engine.start(spec("after", Scripted::idle).build());
            f.advance(Duration.ofSeconds(1));

            assertThat(f.status("trader").tickCount()).isEqualTo(5);
            assertThat(healthy)
                    .map(e -> e.getClass().getSimpleName())
                    .containsExactly(
                            "BotStarted",
                            "OrderSubmitted",
                            "OrderFilled",
                            "OrderSubmitted",
                            "OrderFilled",
                            "OrderSubmitted",
                            "OrderFilled",
                            "OrderSubmitted",
                            "OrderFilled",
                            "OrderSubmitted",
                            "OrderFilled",
                            "BotStopped");
            blocked.countDown();
        } finally {
            blocked.countDown();
        }
    }

    @Test
    void shouldTagMetricsByStrategyAndStatusButNeverByBot() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Scripted.Fixture f = new Scripted.Fixture(
                SimulatedClock.startingAt(Scripted.T0, Duration.ofMillis(10), Duration.ofSeconds(5)),
                b -> b.meterRegistry(registry))) {
            for (int i = 0; i < 50; i++) {
                f.engine.start(spec("b-" + i, Scripted::idle).build());
            }
            f.engine.pause(BotId.of("b-0"));
            f.advance(Duration.ofMillis(9500));

            assertThat(registry.get("solbot.ticks")
                            .tag("strategy", "scripted")
                            .functionCounter()
                            .count())
                    .isEqualTo(49 * 10);
            assertThat(registry.get("solbot.tick.duration")
                            .tag("strategy", "scripted")
                            .functionTimer()
                            .count())
                    .isEqualTo(49 * 10);
            assertThat(registry.get("solbot.tick.lateness")
                            .tag("strategy", "scripted")
                            .functionTimer()
                            .count())
                    .isEqualTo(49 * 10);
            // fixed histogram buckets, so that a backend can compute p99 across engines with few series
            assertThat(registry.find("solbot.tick.duration.histogram").functionCounters())
                    .hasSize(EngineMetrics.DURATION_BUCKETS.length);
            assertThat(registry.find("solbot.tick.lateness.histogram").functionCounters())
                    .hasSize(EngineMetrics.LATENESS_BUCKETS.length);
            assertThat(EngineMetrics.LATENESS_BUCKETS).contains(Duration.ofMillis(2), Duration.ofMillis(20));
            // every one of the 490 ticks lands in the buckets (cumulative: the last, a minute, counts them all)
            assertThat(registry.get("solbot.tick.duration.histogram")
                            .tag("strategy", "scripted")
                            .tag("le", "60")
                            .functionCounter()
                            .count())
                    .isEqualTo(49 * 10);
            // on a simulated clock a tick starts at the end of the 10 ms step it fell due in: the first ticks (due at
            // once) 10 ms late, the 441 due at whole seconds (the end of a step) on time
            assertThat(registry.get("solbot.tick.lateness.histogram")
                            .tag("strategy", "scripted")
                            .tag("le", "0.01")
                            .functionCounter()
                            .count())
                    .isEqualTo(49 * 10);
            assertThat(registry.get("solbot.tick.lateness.histogram")
                            .tag("strategy", "scripted")
                            .tag("le", "0.005")
                            .functionCounter()
                            .count())
                    .isEqualTo(441);
            assertThat(f.engine.tickStats()).singleElement().satisfies(t -> {
                assertThat(t.ticks()).isEqualTo(49 * 10);
                assertThat(t.lateness().count()).isEqualTo(49 * 10);
                assertThat(t.lateness().percentile(0.5)).isZero();
                // within the precision of the buckets, about 3 %
                assertThat(t.lateness().max())
                        .isBetween(Duration.ofMillis(10), Duration.ofMillis(10).plusMillis(300));
            });
            assertThat(registry.get("solbot.bots")
                            .tag("status", "RUNNING")
                            .gauge()
                            .value())
                    .isEqualTo(49);
            assertThat(registry.get("solbot.bots")
                            .tag("status", "PAUSED")
                            .gauge()
                            .value())
                    .isEqualTo(1);
            assertThat(registry.getMeters())
                    .flatMap(m -> m.getId().getTags())
                    .extracting(t -> t.getKey())
                    .containsOnly("strategy", "status", "outcome", "le");
            // the series do not grow with the bots: fewer than 20 meters plus one per histogram bucket (tag "le")
            long buckets = registry.getMeters().stream()
                    .filter(m -> m.getId().getTag("le") != null)
                    .count();
            assertThat(buckets)
                    .isEqualTo(EngineMetrics.DURATION_BUCKETS.length + EngineMetrics.LATENESS_BUCKETS.length);
            assertThat(registry.getMeters().size() - buckets).isLessThan(20);
            assertThat(registry.getMeters()).map(Meter::getId).isNotEmpty();
        }
    }
}
