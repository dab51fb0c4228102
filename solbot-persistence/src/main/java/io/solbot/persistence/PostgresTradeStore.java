package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.FILL;
import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.TradeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link TradeStore} on PostgreSQL, through a {@link PostgresTradeLedger}: every fill once in {@code
 * fill}, buys as open lots in {@code trade}, sells closing lots into {@code closed_trade}.
 *
 * <p>Group commit: callers queue their fills; whichever caller finds no write in progress becomes the writer and
 * commits everything queued (up to {@value #MAX_BATCH} fills per transaction) until the queue is empty, while the
 * others wait for their fill's commit. With one bot trading this is one commit per fill on the caller's own thread,
 * with no hand-off to another thread; with many trading at once they share the cost of a commit. A batch that fails
 * is retried fill by fill, so one bad fill never blocks the others.
 *
 * <p>Thread-safe. After {@link #close()} new fills are refused; the callers of fills already queued still write them.
 */
public final class PostgresTradeStore implements TradeStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresTradeStore.class);
    static final int MAX_BATCH = 256;
    private static final long WAIT_FOR_WRITER_NANOS = 500_000;

    private record Pending(FillRecord record, CompletableFuture<Boolean> done) {}

    private final PostgresTradeLedger ledger;
    private final DSLContext dsl;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<BotId, String> strategies = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public PostgresTradeStore(PostgresDatabase database) {
        this.ledger = new PostgresTradeLedger(database);
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
     * @throws org.jooq.exception.DataAccessException if the database cannot be reached or refuses the write
     */
    @Override
    public void record(Fill fill) {
        if (closed) {
            throw new IllegalStateException("The trade store is closed; fill " + fill.orderId() + " was not recorded");
        }
        String reason = fill.side() == Side.BUY ? "entry" : "exit";
        Pending pending =
                new Pending(new FillRecord(strategyOf(fill.botId()), fill, reason), new CompletableFuture<>());
        queue.add(pending);
        try {
            while (true) {
                writeQueued(pending);
                try {
                    pending.done().get(WAIT_FOR_WRITER_NANOS, TimeUnit.NANOSECONDS);
                    return;
                } catch (TimeoutException e) {
                    // the writer left with our fill still queued: take over
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording fill " + fill.orderId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Becomes the writer, unless another caller is: then that one writes our fill too. A writer writes until its own
     * fill is committed and then one batch more, so that under a steady stream of fills no caller is kept writing for
     * others forever; a fill still queued when it leaves is taken over by its own caller within {@link
     * #WAIT_FOR_WRITER_NANOS}.
     */
    private void writeQueued(Pending own) {
        // an interrupted thread would fail the other callers' fills with its own interrupt: let another one write
        if (queue.isEmpty() || Thread.currentThread().isInterrupted() || !writing.tryLock()) {
            return;
        }
        try {
            int extra = 1;
            while (!queue.isEmpty() && (!own.done().isDone() || extra-- > 0)) {
                List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
                Pending next;
                while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                }
                write(batch);
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public List<Fill> fills(BotId botId) {
        return dsl.selectFrom(FILL)
                .where(FILL.BOT_ID.eq(botId.value()))
                .orderBy(FILL.FILLED_AT, FILL.ORDER_ID, FILL.FILL_PART)
                .fetch(r -> new Fill(
                        OrderId.of(r.getOrderId()),
                        BotId.of(r.getBotId()),
                        Mint.of(r.getMint()),
                        Side.valueOf(r.getSide()),
                        new TokenAmount(r.getAmountIn(), decimalsOf(r.getSide().equals("BUY"), r.getDecimals())),
                        new TokenAmount(r.getAmountOut(), decimalsOf(r.getSide().equals("SELL"), r.getDecimals())),
                        new Price(r.getPrice()),
                        Lamports.of(r.getFeeLamports()),
                        Lamports.of(r.getTipLamports()),
                        TxSignature.of(r.getSignature()),
                        r.getFillPart(),
                        r.getFillParts(),
                        r.getSubmittedAt().toInstant(),
                        r.getFilledAt().toInstant()));
    }

    private static int decimalsOf(boolean sol, short tokenDecimals) {
        return sol ? Lamports.SOL_DECIMALS : tokenDecimals;
    }

    private String strategyOf(BotId botId) {
        return strategies.computeIfAbsent(botId, id -> {
            String strategy = dsl.select(STRATEGY_RUN_STATUS.STRATEGY)
                    .from(STRATEGY_RUN_STATUS)
                    .where(STRATEGY_RUN_STATUS.BOT_ID.eq(id.value()))
                    .fetchOne(STRATEGY_RUN_STATUS.STRATEGY);
            return strategy == null ? "unknown" : strategy;
        });
    }

    private void write(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                boolean[] applied =
                        ledger.apply(batch.stream().map(Pending::record).toList());
                for (int i = 0; i < applied.length; i++) {
                    batch.get(i).done().complete(applied[i]);
                }
                return;
            } catch (RuntimeException e) {
                log.debug("A batch of {} fills failed ({}); writing them one by one", batch.size(), e.toString());
            }
        }
        for (Pending p : batch) {
            try {
                p.done().complete(ledger.record(p.record()));
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
