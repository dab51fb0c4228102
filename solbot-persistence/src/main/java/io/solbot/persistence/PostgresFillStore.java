package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.FILL;
import static io.solbot.persistence.internal.db.Tables.ORDER_FAILURE;
import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.internal.CrashPoints;
import io.solbot.core.store.FillStore;
import io.solbot.persistence.internal.Fencing;
import io.solbot.persistence.internal.Rows;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link FillStore} on PostgreSQL, through a {@link PostgresTradeLedger}: every fill once in {@code
 * fill}, buys as open lots in {@code trade}, sells closing lots into {@code closed_trade}; failed orders once in
 * {@code order_failure}.
 *
 * <p>Group commit: callers queue their fills; whichever caller finds no write in progress becomes the writer and
 * commits everything queued (up to {@value #MAX_BATCH} fills per transaction) until the queue is empty, while the
 * others wait for their fill's commit. With one bot trading this is one commit per fill on the caller's own thread,
 * with no hand-off to another thread; with many trading at once they share the cost of a commit. A batch that fails
 * is retried fill by fill, so one bad fill never blocks the others.
 *
 * <p>Thread-safe. After {@link #close()} new fills are refused; the callers of fills already queued still write them.
 */
public final class PostgresFillStore implements FillStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresFillStore.class);
    static final int MAX_BATCH = 256;

    /** A queued fill and its caller, parked until the fill is written or until it is the caller's turn to write. */
    private static final class Pending {
        final FillRecord record;
        final Thread caller = Thread.currentThread();
        private RuntimeException error;
        private volatile boolean done;

        Pending(FillRecord record) {
            this.record = record;
        }

        void complete(RuntimeException failure) {
            error = failure;
            done = true;
            LockSupport.unpark(caller);
        }
    }

    private final PostgresTradeLedger ledger;
    private final DSLContext dsl;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<BotId, String> strategyIds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private final WriteFence fence;

    public PostgresFillStore(PostgresDatabase database) {
        this(database, WriteFence.NONE);
    }

    /**
     * A store whose every write first passes {@code fence} for the bot it writes, in the same transaction; a refused
     * write throws {@link FenceLostException} (the fills of other bots in the same group commit are written).
     */
    public PostgresFillStore(PostgresDatabase database, WriteFence fence) {
        this.fence = java.util.Objects.requireNonNull(fence, "fence");
        this.ledger = new PostgresTradeLedger(database, fence);
        this.dsl = database.dsl();
    }

    /** The ledger, for reads: open positions and closed trades. */
    public PostgresTradeLedger ledger() {
        return ledger;
    }

    /**
     * Records {@code fill} durably and returns once it is committed (or was recorded before).
     *
     * @throws InsufficientPositionException if it is a sell of more than the bot's open lots hold
     * @throws RefusedWriteException if the database refuses it for good for another reason
     * @throws org.jooq.exception.DataAccessException if the database cannot be reached or fails otherwise: the same
     *     fill may be recorded later
     */
    @Override
    public void record(Fill fill) {
        if (closed) {
            throw new IllegalStateException("The fill store is closed; fill " + fill.orderId() + " was not recorded");
        }
        // a sell's reason (take-profit, stop-loss, write-off, ...) becomes the exit reason of the lots it closes
        Pending pending = new Pending(new FillRecord(strategyIdOf(fill.botId()), fill, fill.reason()));
        queue.add(pending);
        while (!pending.done) {
            if (Thread.interrupted()) {
                // an interrupted writer would fail the other callers' fills with its own interrupt: leave instead
                abandon(pending);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while recording fill " + fill.orderId());
            }
            if (writing.tryLock()) {
                try {
                    writeUntilDone(pending);
                } finally {
                    writing.unlock();
                }
                handOver();
            } else {
                // the writer writes ours, or wakes us when it leaves with ours still queued
                LockSupport.park(this);
            }
        }
        if (pending.error != null) {
            throw pending.error;
        }
    }

    /**
     * Writes batches until {@code own} is written, then one more if more are queued: under a steady stream of fills
     * no caller is kept writing for others for long, and the cost of a commit is still shared.
     */
    private void writeUntilDone(Pending own) {
        int extra = 1;
        while (!queue.isEmpty() && (!own.done || extra-- > 0)) {
            List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
            Pending next;
            while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
            }
            write(batch);
        }
    }

    /**
     * Called by a writer after it let go: wakes the caller of the oldest fill still queued, to write it. A fill
     * queued while the writer held on is seen here, since its caller queued it before it failed to take over.
     */
    private void handOver() {
        Pending head = queue.peek();
        if (head != null) {
            LockSupport.unpark(head.caller);
        }
    }

    /** A caller that stops waiting withdraws its fill, if no writer took it yet, and wakes the next one. */
    private void abandon(Pending pending) {
        queue.remove(pending);
        handOver();
    }

    /**
     * The fills of {@code botId} in the order they were recorded (the sequence of migration V6), not by their times:
     * a sell recorded after its buy comes after it even if the wall clock stepped back in between.
     *
     * <p>The {@code fill} table does not keep a fill's reason (a sell's is the {@code exit_reason} of the trades it
     * closed): the fills come back with their side's default reason.
     */
    @Override
    public List<Fill> fills(BotId botId) {
        return dsl.selectFrom(FILL)
                .where(FILL.BOT_ID.eq(botId.value()))
                .orderBy(FILL.SEQ)
                .fetch(Rows::fill);
    }

    /**
     * Records {@code failure} durably and returns once it is committed (or was recorded before: same bot, order and
     * content). One insert of its own, not through the group commit: failures are rare next to fills.
     *
     * @throws RefusedWriteException if the database refuses it for good: a value the schema does not allow, or another
     *     failure recorded under the same bot and order id (an order id used twice)
     * @throws org.jooq.exception.DataAccessException if the database cannot be reached or fails otherwise
     */
    @Override
    public void recordFailure(BotId botId, OrderFailure failure) {
        if (closed) {
            throw new IllegalStateException(
                    "The fill store is closed; the failure of order " + failure.orderId() + " was not recorded");
        }
        try {
            if (fence == WriteFence.NONE) {
                insertFailure(dsl, botId, failure);
            } else {
                fence.before(botId);
                dsl.transaction(tx -> {
                    Fencing.pass(tx.dsl(), fence, botId);
                    insertFailure(tx.dsl(), botId, failure);
                });
            }
        } catch (FenceLostException e) {
            throw e;
        } catch (DataAccessException e) {
            if (Fencing.unwrapped(e) instanceof FenceLostException lost) {
                throw lost;
            }
            throw RefusedWriteException.from(e, "the failure of order " + failure.orderId() + " of bot '" + botId + "'")
                    .orElseThrow(() -> e);
        }
    }

    private static void insertFailure(DSLContext dsl, BotId botId, OrderFailure failure) {
        int inserted = dsl.insertInto(ORDER_FAILURE)
                .set(ORDER_FAILURE.BOT_ID, botId.value())
                .set(ORDER_FAILURE.ORDER_ID, failure.orderId().value())
                .set(ORDER_FAILURE.MINT, failure.mint().address())
                .set(ORDER_FAILURE.SIDE, failure.side().name())
                .set(ORDER_FAILURE.STAGE, failure.stage())
                .set(ORDER_FAILURE.REASON, failure.reason())
                .set(ORDER_FAILURE.FEE_LAMPORTS, failure.fee().value())
                .set(ORDER_FAILURE.TIP_LAMPORTS, failure.tip().value())
                .set(ORDER_FAILURE.FAILED_AT, failure.at().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        if (inserted > 0) {
            return;
        }
        // recorded before: harmless if it is the same failure (compared as the columns store it), refused if not, so
        // that a second order under a reused id does not lose its fees without a word
        Condition same = ORDER_FAILURE
                .BOT_ID
                .eq(botId.value())
                .and(ORDER_FAILURE.ORDER_ID.eq(failure.orderId().value()))
                .and(ORDER_FAILURE.MINT.eq(failure.mint().address()))
                .and(ORDER_FAILURE.SIDE.eq(failure.side().name()))
                .and(ORDER_FAILURE.STAGE.eq(failure.stage()))
                .and(ORDER_FAILURE.REASON.eq(failure.reason()))
                .and(ORDER_FAILURE.FEE_LAMPORTS.eq(failure.fee().value()))
                .and(ORDER_FAILURE.TIP_LAMPORTS.eq(failure.tip().value()))
                .and(ORDER_FAILURE.FAILED_AT.eq(failure.at().atOffset(ZoneOffset.UTC)));
        if (!dsl.fetchExists(ORDER_FAILURE, same)) {
            OrderFailure stored = dsl.selectFrom(ORDER_FAILURE)
                    .where(ORDER_FAILURE.BOT_ID.eq(botId.value()))
                    .and(ORDER_FAILURE.ORDER_ID.eq(failure.orderId().value()))
                    .fetchOne(Rows::orderFailure);
            throw new RefusedWriteException("The failure of order " + failure.orderId() + " of bot '" + botId
                    + "' is recorded already, with another content (stored: " + stored + "; now: " + failure
                    + "): the order id was used for two orders; refused for good");
        }
    }

    /** The failures recorded for {@code botId}, oldest first (as {@link #fills} orders fills). */
    @Override
    public List<OrderFailure> failures(BotId botId) {
        return dsl.selectFrom(ORDER_FAILURE)
                .where(ORDER_FAILURE.BOT_ID.eq(botId.value()))
                .orderBy(ORDER_FAILURE.FAILED_AT, ORDER_FAILURE.ORDER_ID)
                .fetch(Rows::orderFailure);
    }

    private String strategyIdOf(BotId botId) {
        return strategyIds.computeIfAbsent(botId, id -> {
            String strategyId = dsl.select(STRATEGY_RUN_STATUS.STRATEGY_ID)
                    .from(STRATEGY_RUN_STATUS)
                    .where(STRATEGY_RUN_STATUS.BOT_ID.eq(id.value()))
                    .fetchOne(STRATEGY_RUN_STATUS.STRATEGY_ID);
            return strategyId == null ? "unknown" : strategyId;
        });
    }

    private void write(List<Pending> batch) {
        int written = 0;
        try {
            if (batch.size() > 1) {
                try {
                    ledger.record(batch.stream().map(p -> p.record).toList());
                    CrashPoints.hit("after-commit");
                    // each fill is new or was recorded before: both are done
                    batch.forEach(p -> p.complete(null));
                    written = batch.size();
                    return;
                } catch (RuntimeException e) {
                    log.debug("A batch of {} fills failed ({}); writing them one by one", batch.size(), e.toString());
                }
            }
            for (Pending p : batch) {
                RuntimeException failure = null;
                try {
                    ledger.record(p.record);
                    CrashPoints.hit("after-commit");
                } catch (RuntimeException e) {
                    failure = e;
                }
                p.complete(failure);
                written++;
            }
        } finally {
            // an Error half-way: never leave a caller parked for good
            for (int i = written; i < batch.size(); i++) {
                batch.get(i).complete(new IllegalStateException("The fill could not be written"));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
