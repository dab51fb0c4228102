package io.solbot.core.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the engine's asynchronous work (tick batches, orders, callbacks, event deliveries), so that shutdown can
 * wait for it and a simulated clock can wait for each step to settle before it moves on.
 *
 * <p>A job that starts another job starts it before it ends, so the count never touches zero while work remains. In
 * simulated mode, a job that blocks past the grace period (or runs ten times as long) is marked a straggler and no
 * longer waited for.
 */
final class Tracker {
    static final class Job {
        // 0 running, 1 done, 2 straggler
        final AtomicInteger state = new AtomicInteger();
        final long startedAt = System.nanoTime();
        /** The thread running it, once started; read to tell a blocked job from a busy one. */
        volatile Thread thread;

        /**
         * Whether it is left behind at {@code now}: it ran for the grace period and is blocked (parked, sleeping,
         * waiting for a lock or I/O: a callback that blocks), or ran for ten grace periods whatever it does (a callback
         * in a loop). A job that is computing or waits for a CPU, as on a loaded machine or a cold JVM, is waited for.
         */
        boolean straggles(long now, long graceNanos) {
            long ran = now - startedAt;
            if (ran < graceNanos) {
                return false;
            }
            if (ran >= 10 * graceNanos) {
                return true;
            }
            Thread t = thread;
            if (t == null) {
                return false;
            }
            Thread.State state = t.getState();
            return state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED;
        }
    }

    private final boolean keepJobs;
    private final Set<Job> jobs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger awaited = new AtomicInteger();
    private volatile Thread waiter;

    Tracker(boolean keepJobs) {
        this.keepJobs = keepJobs;
    }

    Job begin() {
        Job job = new Job();
        active.incrementAndGet();
        awaited.incrementAndGet();
        if (keepJobs) {
            jobs.add(job);
        }
        return job;
    }

    void end(Job job) {
        if (job.state.compareAndSet(0, 1)) {
            awaited.decrementAndGet();
        }
        if (keepJobs) {
            jobs.remove(job);
        }
        int left = active.decrementAndGet();
        Thread w = waiter;
        if (w != null && (left == 0 || awaited.get() == 0)) {
            LockSupport.unpark(w);
        }
    }

    int active() {
        return active.get();
    }

    boolean hasAwaited() {
        return awaited.get() > 0;
    }

    /**
     * Waits until every job that is not a straggler has ended, marking stragglers as it goes ({@link
     * Job#straggles}: blocked after {@code graceNanos} of real time, or still running after ten times that). Calls
     * {@code poll} about every millisecond while it waits. Only one thread waits.
     */
    void awaitSettled(long graceNanos, Runnable poll) {
        if (awaited.get() == 0) {
            return;
        }
        long firstCheck = System.nanoTime() + graceNanos;
        waiter = Thread.currentThread();
        try {
            while (awaited.get() > 0) {
                long now = System.nanoTime();
                if (now - firstCheck >= 0) {
                    for (Job job : jobs) {
                        if (job.straggles(now, graceNanos) && job.state.compareAndSet(0, 2)) {
                            awaited.decrementAndGet();
                        }
                    }
                    if (awaited.get() == 0) {
                        return;
                    }
                }
                LockSupport.parkNanos(1_000_000L);
                poll.run();
            }
        } finally {
            waiter = null;
        }
    }

    /** Waits until no job is active or the deadline ({@link System#nanoTime()}) passes; true if none is active. */
    boolean awaitIdle(long deadlineNanos, Runnable poll) {
        waiter = Thread.currentThread();
        try {
            while (active.get() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(Math.min(left, 1_000_000L));
                poll.run();
            }
            return true;
        } finally {
            waiter = null;
        }
    }
}
