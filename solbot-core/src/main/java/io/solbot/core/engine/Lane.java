package io.solbot.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The serial lane of one strategy instance (a {@link Run}, which extends it): whoever holds it may call the instance, and nobody else. Messages
 * (start, fills, failures, stop) queue in its mailbox and run on whichever thread holds the lane, before it is
 * released. A due tick takes a free lane and runs on a worker; a tick that finds the lane held by messages waits in
 * it and runs right after them; only a tick that finds the previous tick still running (or still waiting) is skipped.
 * So one instance's callbacks never overlap, and each happens-after the previous one.
 *
 * <p>The state is an int field behind a {@link VarHandle} and a count of queued messages next to it, and the run's
 * own fields follow them in the same object, so the scheduler's offer, the tick and the release touch one object: at
 * a million ticks a second, the cache misses of following references cost more than the work.
 */
abstract class Lane {
    /** Outcome of {@link #offerTick}. */
    enum Offer {
        /** The lane was free and is now held for the tick: the caller runs it with {@link #runTick}. */
        TAKEN,
        /** Messages hold the lane: the tick runs on their thread right after them. */
        QUEUED,
        /** The previous tick still runs or waits: this one is skipped. */
        BUSY,
        /** The run ended: it ticks no more. */
        GONE
    }

    private static final int HELD = 1;
    /** A tick runs or waits to run; set only together with {@link #HELD}. */
    private static final int TICK = 2;
    /** The run ended or was replaced: no tick is offered to it again. Set once, never cleared. */
    private static final int RETIRED = 4;

    private static final VarHandle STATE;
    private static final VarHandle QUEUED_MESSAGES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Lane.class, "state", int.class);
            QUEUED_MESSAGES = lookup.findVarHandle(Lane.class, "queuedMessages", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // the scheduler reads and writes these three for every tick it offers: kept together, first in the object
    @SuppressWarnings("unused") // through STATE
    private volatile int state;

    @SuppressWarnings("unused") // through QUEUED_MESSAGES
    private volatile int queuedMessages;

    /** When the tick that runs or waits now was due, for its lateness. */
    volatile long dueNanos;

    private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    /** The thread running a callback of this lane now, or null; the watchdog interrupts a stuck one. */
    volatile Thread owner;
    /** When the callback that runs now began, on the engine's nano clock. */
    private volatile long runningSinceNanos;

    /** The tick: runs only while this lane is held, and tallies itself in the tally it is given. */
    abstract void tick(TickTally tally);

    /** The run ended or was replaced: from now on every tick offered is {@link Offer#GONE}. */
    void retire() {
        STATE.getAndBitwiseOr(this, RETIRED);
    }

    boolean isRetired() {
        return ((int) STATE.getVolatile(this) & RETIRED) != 0;
    }

    /** Called by the scheduler (the only thread that sets {@link #TICK}) when a tick falls due. */
    Offer offerTick(long due) {
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if ((s & RETIRED) != 0) {
                return Offer.GONE;
            }
            if ((s & TICK) != 0) {
                return Offer.BUSY;
            }
            // no tick runs or waits, and only this thread can make one: nobody reads dueNanos now
            dueNanos = due;
            if (s == 0) {
                if (STATE.compareAndSet(this, 0, HELD | TICK)) {
                    return Offer.TAKEN;
                }
            } else if (STATE.compareAndSet(this, HELD, HELD | TICK)) {
                return Offer.QUEUED;
            }
        }
    }

    /** Whether nobody holds the lane: no callback runs or waits. */
    boolean isFree() {
        return ((int) STATE.getVolatile(this) & ~RETIRED) == 0;
    }

    /** A callback of this lane begins on the current thread at {@code nowNanos}. */
    void running(long nowNanos) {
        runningSinceNanos = nowNanos;
        owner = Thread.currentThread();
    }

    /** The callback that ran has returned. */
    void idle() {
        owner = null;
    }

    /** How long the callback that runs now has been running, or -1 if none runs (waiting for a thread is not running). */
    long runningFor(long nowNanos) {
        return owner == null ? -1 : nowNanos - runningSinceNanos;
    }

    /**
     * Runs the tick {@link #offerTick} handed over ({@link Offer#TAKEN}), tallied in the worker's {@code tally}, then
     * the messages, then frees the lane.
     */
    void runTick(TickTally tally) {
        try {
            tick(tally);
        } finally {
            STATE.getAndAdd(this, -TICK);
            release();
        }
    }

    /**
     * Queues {@code message}; if the lane is free, takes it and hands the draining to {@code submit}, which must
     * run the given task on another thread.
     */
    void post(Runnable message, Consumer<Runnable> submit) {
        // counted first, so the count is never below the messages queued; a releaser that sees the count before the
        // message spins for the moment between the two
        QUEUED_MESSAGES.getAndAdd(this, 1);
        mailbox.add(message);
        if (take()) {
            submit.accept(this::release);
        }
    }

    /** Takes a free lane for messages (a retired one too: its onStop and late fills still run on it). */
    private boolean take() {
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if ((s & HELD) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s | HELD)) {
                return true;
            }
        }
    }

    /** Frees a held lane whose tick is done, keeping its retired mark; false if a tick was queued meanwhile. */
    private boolean free() {
        int s = (int) STATE.getVolatile(this);
        return (s & TICK) == 0 && STATE.compareAndSet(this, s, s & RETIRED);
    }

    /** Runs queued messages and a waiting tick, then frees the lane; re-takes it if a message raced in. */
    private void release() {
        while (true) {
            if ((int) QUEUED_MESSAGES.getVolatile(this) != 0) {
                Runnable message;
                while ((message = mailbox.poll()) != null) {
                    QUEUED_MESSAGES.getAndAdd(this, -1);
                    message.run();
                }
            }
            if (((int) STATE.getVolatile(this) & TICK) != 0) {
                // a tick came due while messages held the lane; messages it meets on return run after it
                TickTally tally = new TickTally();
                try {
                    tick(tally);
                } finally {
                    tally.flush();
                    STATE.getAndAdd(this, -TICK);
                }
                continue;
            }
            if (!free()) {
                continue; // a tick was queued since the check
            }
            if ((int) QUEUED_MESSAGES.getVolatile(this) == 0 || !take()) {
                return;
            }
        }
    }
}
