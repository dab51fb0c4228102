package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.CLOSED_TRADE;
import static io.solbot.persistence.internal.db.Tables.FILL;
import static io.solbot.persistence.internal.db.Tables.TRADE;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.persistence.internal.Fencing;
import io.solbot.persistence.internal.Rows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.util.PSQLException;

/**
 * Records fills and keeps open positions as FIFO lots: a buy fill opens a lot in {@code trade}; a sell fill closes
 * lots oldest first, each closed slice moving to {@code closed_trade} in the same transaction (a partial close splits
 * the lot). Cost basis, proceeds and fees are split over the slices by {@link io.solbot.core.domain.ProRata}'s rule,
 * the same as the engine's in-memory book: exact to the lamport, and the parts always add up to the whole. A sell may
 * bring nothing (a worthless token, a {@linkplain io.solbot.core.domain.Fill#writeOff write-off}): its lots close at a
 * loss of their cost and the sell's fees.
 *
 * <p>Every fill is recorded at most once, keyed by its order id and part: recording it again (a retry, a replay from
 * the journal after a crash) changes nothing and reports it as already recorded; another fill under a key already
 * recorded is refused ({@link RefusedWriteException}), never dropped.
 *
 * <p>The writes happen in the schema's {@code record_fills} function (migration V6), which holds this FIFO logic: a
 * batch of fills is one round trip and one commit. The reads are plain jOOQ queries.
 *
 * <p>Thread-safe; concurrent sells of one bot's position serialise on the lots' row locks.
 */
public final class PostgresTradeLedger {
    /** The SQLSTATE that {@code record_fills} raises for another fill under a key already recorded (migration V6). */
    static final String CONFLICT_SQL_STATE = "SB002";

    private final DSLContext dsl;
    private final WriteFence fence;

    public PostgresTradeLedger(PostgresDatabase database) {
        this(database, WriteFence.NONE);
    }

    /**
     * A ledger whose every write first passes {@code fence} for each bot it writes, in the same transaction: a batch
     * with a bot this process does not own is refused whole ({@link FenceLostException}).
     */
    public PostgresTradeLedger(PostgresDatabase database, WriteFence fence) {
        this.dsl = database.dsl();
        this.fence = java.util.Objects.requireNonNull(fence, "fence");
    }

    /**
     * Records {@code fills} in one transaction, which is how many bots' fills share one commit (group commit).
     *
     * @return how many of them were new
     * @throws InsufficientPositionException if a sell closes more than is open; then nothing of the batch is
     *     recorded (record the others again without it)
     * @throws RefusedWriteException if the database refuses a fill for good for another reason (a value the schema
     *     does not allow, a signature that another lot already has, another fill recorded under its order id and
     *     part); nothing of the batch is recorded
     * @throws DataAccessException if the database cannot be reached or fails otherwise: the batch may succeed later
     */
    public int record(List<FillRecord> fills) {
        int applied = 0;
        for (boolean isNew : apply(fills)) {
            if (isNew) {
                applied++;
            }
        }
        return applied;
    }

    /** Records one fill; see {@link #record(List)}. Returns whether it was new. */
    public boolean record(FillRecord fill) {
        return apply(List.of(fill))[0];
    }

    /**
     * Records {@code fills} with one call of the schema's {@code record_fills} function (migration V6): one round
     * trip and one commit for the whole batch, however many statements its fills take.
     *
     * @return for each fill, in order, whether it was new
     */
    private static Boolean[] recordFills(DSLContext dsl, List<FillRecord> fills) {
        return dsl.select(DSL.function(
                        "record_fills", SQLDataType.BOOLEAN.array(), DSL.val(FillBatch.json(fills), JSONB.class)))
                .fetchOne(0, Boolean[].class);
    }

    private boolean[] apply(List<FillRecord> fills) {
        if (fills.isEmpty()) {
            return new boolean[0];
        }
        Boolean[] applied;
        try {
            if (fence == WriteFence.NONE) {
                applied = recordFills(dsl, fills);
            } else {
                Fencing.before(fence, fills.stream().map(f -> f.fill().botId()).toList());
                applied = dsl.transactionResult(tx -> {
                    Fencing.passAll(
                            tx.dsl(),
                            fence,
                            fills.stream().map(f -> f.fill().botId()).toList());
                    return recordFills(tx.dsl(), fills);
                });
            }
        } catch (FenceLostException e) {
            throw e;
        } catch (DataAccessException e) {
            if (Fencing.unwrapped(e) instanceof FenceLostException lost) {
                throw lost;
            }
            throw InsufficientPositionException.from(e, fills)
                    .map(RefusedWriteException.class::cast)
                    .or(() -> conflict(e, fills))
                    .or(() -> RefusedWriteException.from(
                            e, fills.size() == 1 ? "fill " + key(fills.getFirst()) : "a batch of fills"))
                    .orElseThrow(() -> e);
        }
        if (applied == null || applied.length != fills.size()) {
            throw new IllegalStateException("record_fills answered " + (applied == null ? "nothing" : applied.length)
                    + " results for " + fills.size() + " fills");
        }
        boolean[] result = new boolean[applied.length];
        for (int i = 0; i < applied.length; i++) {
            result[i] = applied[i];
        }
        return result;
    }

    /**
     * The bot's open positions, one per mint, ordered by their oldest lot: each with its open lots in the order they
     * close (see {@link Position} for quantity, cost basis and entry price).
     */
    public List<Position> openPositions(BotId botId) {
        return Rows.positions(dsl.selectFrom(TRADE)
                .where(TRADE.BOT_ID.eq(botId.value()))
                .orderBy(TRADE.OPENED_AT, TRADE.ID)
                .fetch());
    }

    /** The refusal {@code e} stands for, if {@code record_fills} found another fill under the key of one of them. */
    private static Optional<RefusedWriteException> conflict(DataAccessException e, List<FillRecord> fills) {
        if (!CONFLICT_SQL_STATE.equals(e.sqlState())
                || !(e.getCause(PSQLException.class) instanceof PSQLException pe)
                || pe.getServerErrorMessage() == null) {
            return Optional.empty();
        }
        String fillKey = pe.getServerErrorMessage().getHint();
        for (FillRecord record : fills) {
            if ((record.fill().orderId().value() + "/" + record.fill().part()).equals(fillKey)) {
                return Optional.of(new RefusedWriteException("Fill " + key(record) + " is recorded already, with"
                        + " another content: the order id and part were used for two fills; refused for good"));
            }
        }
        return Optional.empty();
    }

    private static String key(FillRecord record) {
        return record.fill().orderId() + "/" + record.fill().part() + " of bot '"
                + record.fill().botId() + "'";
    }

    /** The bot's closed trades, oldest close first. */
    public List<ClosedTrade> closedTrades(BotId botId) {
        return dsl.selectFrom(CLOSED_TRADE)
                .where(CLOSED_TRADE.BOT_ID.eq(botId.value()))
                .orderBy(CLOSED_TRADE.CLOSED_AT, CLOSED_TRADE.ID)
                .fetch(Rows::closedTrade);
    }

    /** The sum of the PnL of the bot's closed trades: its realised profit or loss, exact. */
    public Lamports realizedPnl(BotId botId) {
        BigDecimal sum = dsl.select(DSL.sum(CLOSED_TRADE.PNL_LAMPORTS))
                .from(CLOSED_TRADE)
                .where(CLOSED_TRADE.BOT_ID.eq(botId.value()))
                .fetchOne(0, BigDecimal.class);
        return Rows.lamports(sum);
    }

    /** Whether the fill with this order id and part has been recorded. */
    public boolean contains(OrderId orderId, int part) {
        return dsl.fetchExists(FILL, FILL.ORDER_ID.eq(orderId.value()).and(FILL.FILL_PART.eq(part)));
    }
}
