package io.solbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.solbot.core.domain.BotId;
import io.solbot.core.event.EngineEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldDropAndCountEventsForASubscriberThatFellTheCapacityBehindAndDeliverTheRestInOrder() {
        ArrayDeque<Runnable> jobs = new ArrayDeque<>();
        EventBus bus = new EventBus(jobs::add);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EngineMetrics(registry).eventsDropped(bus);
        List<Instant> seen = new ArrayList<>();
        bus.subscribe(e -> seen.add(e.at()));

        // the job executor runs nothing meanwhile, so the subscriber's queue only grows
        for (int i = 0; i < EventBus.CAPACITY + 7; i++) {
            bus.publish(new EngineEvent.BotPaused(BotId.of("b"), T0.plusMillis(i)));
        }

        assertThat(bus.dropped()).isEqualTo(7);
        assertThat(registry.get("solbot.events.dropped").functionCounter().count())
                .isEqualTo(7.0);
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
        assertThat(seen).hasSize(EventBus.CAPACITY).isSorted();
        assertThat(seen.getLast()).isEqualTo(T0.plusMillis(EventBus.CAPACITY - 1));
        // caught up: it gets events again
        bus.publish(new EngineEvent.BotPaused(BotId.of("b"), T0.minusSeconds(1)));
        while (!jobs.isEmpty()) {
            jobs.poll().run();
        }
        assertThat(seen).hasSize(EventBus.CAPACITY + 1);
        assertThat(bus.dropped()).isEqualTo(7);
    }
}
