package io.solbot.core.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The serial lane of one strategy instance: whoever holds it may call the instance, and nobody else. The scheduler
 * takes it to hand a tick to a worker (and skips the tick if it cannot); messages (fills, failures, stop) queue in
 * its mailbox and run on whichever thread holds the lane, before it is released. So one instance's callbacks never
 * overlap, and each happens-after the previous one.
 */
final class Lane {
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    /** When the lane was taken, on the engine's nano clock; read by the watchdog to find stuck callbacks. */
    volatile long busySinceNanos;
    /** The thread running a callback now, so that the watchdog can interrupt a stuck one. */
    volatile Thread owner;

    boolean tryAcquire(long nowNanos) {
        if (busy.compareAndSet(false, true)) {
            busySinceNanos = nowNanos;
            return true;
        }
        return false;
    }

    boolean isBusy() {
        return busy.get();
    }

    /**
     * Queues {@code message}; if the lane is free, takes it and hands the draining to {@code submit}, which must
     * run the given task on another thread.
     */
    void post(Runnable message, long nowNanos, Consumer<Runnable> submit) {
        mailbox.add(message);
        if (tryAcquire(nowNanos)) {
            submit.accept(this::release);
        }
    }

    /** Runs queued messages, then frees the lane; called by the holder. Re-takes it if a message raced in. */
    void release() {
        while (true) {
            Runnable message;
            while ((message = mailbox.poll()) != null) {
                message.run();
            }
            busy.set(false);
            if (mailbox.isEmpty() || !busy.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
