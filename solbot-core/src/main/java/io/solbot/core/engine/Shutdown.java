package io.solbot.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's graceful shutdown, run once: stop ticking, stop every bot ({@code onStop(SHUTDOWN)}), execute the
 * orders a simulated clock still deferred, wait for callbacks and orders in flight, then write every stopped bot's run
 * status and journal. Later calls (and the JVM hook during an explicit shutdown) wait for the first one to finish.
 * Never interrupts: an order still in flight at the deadline keeps its intent journalled until its outcome is known.
 */
final class Shutdown {
    private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

    private final Lifecycle lifecycle;
    private final Runnable stopTicking;
    private final OrderDesk orders;
    private final Jobs jobs;
    private final Retries retries;
    private final Thread hook;
    /** Completed with the first shutdown's result when it has marked the runs STOPPED; later calls wait on it. */
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();

    Shutdown(
            Lifecycle lifecycle,
            Runnable stopTicking,
            OrderDesk orders,
            Jobs jobs,
            Retries retries,
            Duration hookTimeout) {
        this.lifecycle = lifecycle;
        this.stopTicking = stopTicking;
        this.orders = orders;
        this.jobs = jobs;
        this.retries = retries;
        this.hook = hookTimeout == null
                ? null
                : Thread.ofPlatform().name("solbot-shutdown").unstarted(() -> run(hookTimeout));
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    Thread hook() {
        return hook;
    }

    boolean run(Duration timeout) {
        if (!lifecycle.close()) {
            return awaitFirst(timeout);
        }
        boolean idle = false;
        try {
            idle = once(timeout);
        } finally {
            done.complete(idle);
        }
        return idle;
    }

    private boolean awaitFirst(Duration timeout) {
        try {
            return done.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the shutdown's result is only ever completed normally", e);
        }
    }

    private boolean once(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        stopTicking.run();
        List<Bot> stopped = lifecycle.stopAll();
        // on a simulated clock, orders placed since the last step are still deferred: send them now
        orders.dispatchPending();
        boolean idle;
        do {
            idle = jobs.tracker().awaitIdle(deadline, orders::dispatchPending);
        } while (orders.dispatchPending());
        // fills and failures kept while the store was away are stored now if it is back, while the bots are still
        // this process's: a graceful stop then leaves none of them behind in the journal for the next start
        retries.runPendingOnce(deadline);
        stopped.forEach(lifecycle::write);
        if (idle) {
            // nothing of theirs is in flight: another process may take the bots over from their journal entries
            stopped.forEach(lifecycle::releaseClaim);
        }
        jobs.close();
        retries.close();
        if (hook != null) {
            // also when the hook itself runs outside a JVM shutdown: a started hook left registered would make the
            // JVM's own shutdown fail to start it
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        if (!idle) {
            log.warn(
                    "Shut down with {} jobs still running after {}",
                    jobs.tracker().active(),
                    timeout);
        }
        log.info("Engine shut down; {} bots stopped", stopped.size());
        return idle;
    }
}
