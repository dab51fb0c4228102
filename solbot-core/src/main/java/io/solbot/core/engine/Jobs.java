package io.solbot.core.engine;

import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's asynchronous work (tick batches, callbacks, orders, event deliveries) on virtual threads and
 * counts it ({@link Tracker}), so that shutdown can wait for it and a simulated clock can wait for each step. Threads
 * are started directly rather than through an executor: the tracker counts the work, and an executor's thread
 * bookkeeping cost more than the tick it ran. Thread-safe.
 */
final class Jobs {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final ThreadFactory threads = Thread.ofVirtual().name("solbot-job").factory();
    private final Tracker tracker;
    private volatile boolean closed;

    Jobs(boolean simulated) {
        this.tracker = new Tracker(simulated);
    }

    /** Runs {@code task} on a virtual thread of its own, counted until it ends; refused (logged) once closed. */
    void submit(Runnable task) {
        if (closed) {
            log.debug("A job was refused: the engine is shut down");
            return;
        }
        Tracker.Job job = tracker.begin();
        try {
            Thread thread = threads.newThread(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("An engine job failed", e);
                } finally {
                    tracker.end(job);
                }
            });
            job.thread = thread;
            thread.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            tracker.end(job);
            throw e;
        }
    }

    Tracker tracker() {
        return tracker;
    }

    /** Refuses new jobs from now on; jobs already running go on. */
    void close() {
        closed = true;
    }
}
