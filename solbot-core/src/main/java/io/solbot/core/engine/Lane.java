package io.solbot.core.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The serial lane of one strategy instance: whoever holds it may call the instance, and nobody else. Messages
 * (start, fills, failures, stop) queue in its mailbox and run on whichever thread holds the lane, before it is
 * released. A due tick takes a free lane and runs on a worker; a tick that finds the lane held by messages waits in
 * it and runs right after them; only a tick that finds the previous tick still running (or still waiting) is skipped.
 * So one instance's callbacks never overlap, and each happens-after the previous one.
 */
final class Lane {
    /** Outcome of {@link #offerTick}. */
    enum Offer {
        /** The lane was free and is now held for the tick: the caller runs it with {@link #runTick}. */
        TAKEN,
        /** Messages hold the lane: the tick runs on their thread right after them. */
        QUEUED,
        /** The previous tick still runs or waits: this one is skipped. */
        BUSY
    }

    private static final int HELD = 1;
    /** A tick runs or waits to run; set only together with {@link #HELD}. */
    private static final int TICK = 2;

    private final AtomicInteger state = new AtomicInteger();
    private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    /** The run's tick callback; runs only while this lane is held. */
    private final Runnable tick;
    /** When the lane was taken (or its tick began), on the engine's nano clock; read by the watchdog. */
    volatile long busySinceNanos;
    /** When the tick that runs or waits now was due, for its lateness. */
    volatile long dueNanos;
    /** The thread running a callback now, so that the watchdog can interrupt a stuck one. */
    volatile Thread owner;

    Lane(Runnable tick) {
        this.tick = tick;
    }

    /** Called by the scheduler (the only thread that sets {@link #TICK}) when a tick falls due. */
    Offer offerTick(long due, long nowNanos) {
        while (true) {
            int s = state.get();
            if ((s & TICK) != 0) {
                return Offer.BUSY;
            }
            // no tick runs or waits, and only this thread can make one: nobody reads dueNanos now
            dueNanos = due;
            if (s == 0) {
                if (state.compareAndSet(0, HELD | TICK)) {
                    busySinceNanos = nowNanos;
                    return Offer.TAKEN;
                }
            } else if (state.compareAndSet(HELD, HELD | TICK)) {
                return Offer.QUEUED;
            }
        }
    }

    /** Whether nobody holds the lane: no callback runs or waits. */
    boolean isFree() {
        return state.get() == 0;
    }

    /** Runs the tick {@link #offerTick} handed over ({@link Offer#TAKEN}), then the messages, then frees the lane. */
    void runTick() {
        try {
            tick.run();
        } finally {
            state.addAndGet(-TICK);
            release();
        }
    }

    /**
     * Queues {@code message}; if the lane is free, takes it and hands the draining to {@code submit}, which must
     * run the given task on another thread.
     */
    void post(Runnable message, long nowNanos, Consumer<Runnable> submit) {
        mailbox.add(message);
        if (state.compareAndSet(0, HELD)) {
            busySinceNanos = nowNanos;
            submit.accept(this::release);
        }
    }

    /** Runs queued messages and a waiting tick, then frees the lane; re-takes it if a message raced in. */
    private void release() {
        while (true) {
            Runnable message;
            while ((message = mailbox.poll()) != null) {
                message.run();
            }
            if ((state.get() & TICK) != 0) {
                // a tick came due while messages held the lane; messages it meets on return run after it
                try {
                    tick.run();
                } finally {
                    state.addAndGet(-TICK);
                }
                continue;
            }
            if (!state.compareAndSet(HELD, 0)) {
                continue; // a tick was queued since the check
            }
            if (mailbox.isEmpty() || !state.compareAndSet(0, HELD)) {
                return;
            }
        }
    }
}
