package io.solbot.cluster;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import io.solbot.core.domain.BotId;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This node's hold on one bot for one slice: the execution it picked, with the fence version that pick gave it. The
 * slice ends when it is {@linkplain #end asked to} (rebalancing, shutdown) or the ownership is {@linkplain #lose
 * lost} (a fenced write or check found another owner, or the heartbeat came close to dead).
 *
 * <p>Threading: thread-safe; the slice's thread waits in {@link #awaitEnd}, any thread ends it.
 */
final class Ownership {
    private final BotId botId;
    private final long version;
    private final CurrentlyExecuting execution;
    private final Instant since;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private volatile boolean lost;

    Ownership(BotId botId, long version, CurrentlyExecuting execution, Instant since) {
        this.botId = botId;
        this.version = version;
        this.execution = execution;
        this.since = since;
    }

    BotId botId() {
        return botId;
    }

    long version() {
        return version;
    }

    Instant since() {
        return since;
    }

    /** Whether the bot is another node's now (or may be): this node writes and sends nothing for it. */
    boolean isLost() {
        return lost;
    }

    /**
     * How far this execution's heartbeat is from being declared dead by the other nodes: 0 just after a heartbeat, 1
     * when it is dead. Null when the scheduler does not track it (yet).
     */
    double fractionDead() {
        return execution == null ? 0 : execution.getHeartbeatState().getFractionDead();
    }

    /** Marks the ownership lost and ends the slice, saying why (the first reason wins). */
    void lose(String reason) {
        lost = true;
        end(reason);
    }

    /** Ends the slice: the bot is handed over. */
    void end(String reason) {
        endReason.compareAndSet(null, reason);
        ended.countDown();
    }

    /** Why the slice ended, or null while it runs. */
    String endReason() {
        return endReason.get();
    }

    /** Waits up to {@code millis} for the slice to end; true if it ended. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }
}
