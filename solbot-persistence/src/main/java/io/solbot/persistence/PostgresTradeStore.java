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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link TradeStore} on PostgreSQL, through a {@link PostgresTradeLedger}: every fill once in {@code
 * fill}, buys as open lots in {@code trade}, sells closing lots into {@code closed_trade}.
 *
 * <p>Group commit: callers from many bots hand their fills to one writer thread, which commits whatever has queued up
 * (up to {@value #MAX_BATCH} fills) in one transaction, and each {@link #record} returns once its fill is committed.
 * With one bot trading this is one commit per fill; with many trading at once they share the cost of a commit. A
 * batch that fails is retried fill by fill, so one bad fill never blocks the others.
 *
 * <p>Thread-safe. {@link #close()} stops the writer after the queued fills are written.
 */
public final class PostgresTradeStore implements TradeStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresTradeStore.class);
    static final int MAX_BATCH = 256;

    private record Pending(FillRecord record, CompletableFuture<Boolean> done) {}

    private final PostgresTradeLedger ledger;
    private final DSLContext dsl;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<BotId, String> strategies = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean closed;

    public PostgresTradeStore(PostgresDatabase database) {
        this.ledger = new PostgresTradeLedger(database);
        this.dsl = database.dsl();
        this.writer = Thread.ofPlatform().name("solbot-trade-writer").daemon().start(this::writeLoop);
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
            pending.done().get();
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

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
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
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
