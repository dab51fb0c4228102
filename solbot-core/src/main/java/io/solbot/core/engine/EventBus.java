package io.solbot.core.engine;

import io.solbot.core.event.EngineEvent;
import io.solbot.core.event.Subscription;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes engine events to subscribers. Each subscriber has its own bounded queue drained by one task at a time on
 * the engine's job executor, so a subscriber sees events in publication order, never concurrently, and a slow or
 * throwing subscriber delays neither bots nor the other subscribers. When a subscriber falls {@value #CAPACITY}
 * events behind, further events for it are dropped and counted, rather than letting it fill the heap.
 */
final class EventBus {
    static final int CAPACITY = 100_000;
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Consumer<Runnable> submit;
    private final AtomicLong dropped = new AtomicLong();

    EventBus(Consumer<Runnable> submit) {
        this.submit = submit;
    }

    Subscription subscribe(Consumer<? super EngineEvent> consumer) {
        Subscriber s = new Subscriber(consumer);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    void publish(EngineEvent event) {
        for (Subscriber s : subscribers) {
            s.offer(event);
        }
    }

    long dropped() {
        return dropped.get();
    }

    private final class Subscriber {
        private final Consumer<? super EngineEvent> consumer;
        private final Queue<EngineEvent> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean draining = new AtomicBoolean();

        Subscriber(Consumer<? super EngineEvent> consumer) {
            this.consumer = consumer;
        }

        void offer(EngineEvent event) {
            if (size.incrementAndGet() > CAPACITY) {
                size.decrementAndGet();
                if (dropped.getAndIncrement() % 10_000 == 0) {
                    log.warn(
                            "An event subscriber ({}) is {} events behind; dropping events for it", consumer, CAPACITY);
                }
                return;
            }
            queue.add(event);
            if (draining.compareAndSet(false, true)) {
                submit.accept(this::drain);
            }
        }

        private void drain() {
            while (true) {
                EngineEvent event;
                while ((event = queue.poll()) != null) {
                    size.decrementAndGet();
                    try {
                        consumer.accept(event);
                    } catch (RuntimeException | Error e) {
                        log.warn("An event subscriber ({}) failed on {}", consumer, event, e);
                    }
                }
                draining.set(false);
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }
}
