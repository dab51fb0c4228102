package io.solbot.core.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One background loop that retries what could not be done at once (store a fill while the database is down, resolve
 * an order whose outcome is not known yet) every {@code interval}, until each attempt reports done. Its thread starts
 * with the first attempt and ends with {@link #close}. Thread-safe.
 */
final class Retries implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    /** What is retried for whom: one attempt per key at a time. */
    record Key(Bot bot, Class<?> by) {}

    private final Duration interval;
    private final Map<Key, BooleanSupplier> attempts = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread thread;

    Retries(Duration interval) {
        this.interval = interval;
    }

    /** Retries {@code attempt} until it returns true; a key that is retried already keeps its attempt. */
    void add(Key key, BooleanSupplier attempt) {
        attempts.putIfAbsent(key, attempt);
        if (started.compareAndSet(false, true)) {
            thread = Thread.ofVirtual().name("solbot-retry").start(this::loop);
        }
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            runPending(Long.MAX_VALUE);
        }
    }

    /** Runs each pending attempt once, starting none after {@code deadlineNanos} ({@link System#nanoTime}). */
    private void runPending(long deadlineNanos) {
        for (Key key : attempts.keySet()) {
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
                return;
            }
            // removed before it runs, so that an add during the attempt is kept even if this one reports done
            BooleanSupplier attempt = attempts.remove(key);
            if (attempt != null && !attempt(key, attempt)) {
                attempts.putIfAbsent(key, attempt);
            }
        }
    }

    /**
     * Runs every pending attempt once more, now, on the calling thread, starting none after {@code deadlineNanos}: a
     * graceful shutdown gives what waits for the next round (fills kept while the database was away, say) its last
     * chance while the process still owns the bots, instead of leaving it to the next start. Attempts still not done
     * stay pending (and what they were for stays in the bots' journals).
     */
    void runPendingOnce(long deadlineNanos) {
        runPending(deadlineNanos);
    }

    private static boolean attempt(Key key, BooleanSupplier attempt) {
        try {
            return attempt.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Bot '{}': a retry failed", key.bot().id(), e);
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
