package io.solbot.persistence.readmodel;

import static io.solbot.persistence.internal.Rows.utc;
import static io.solbot.persistence.internal.db.Tables.CLOSED_TRADE;
import static io.solbot.persistence.internal.db.Tables.FILL;

import io.solbot.core.domain.Fill;
import io.solbot.persistence.ClosedTrade;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.internal.Rows;
import io.solbot.persistence.internal.db.tables.records.ClosedTradeRecord;
import io.solbot.persistence.internal.db.tables.records.FillRecord;
import io.solbot.persistence.readmodel.Cursors.ClosedTradeKey;
import io.solbot.persistence.readmodel.Cursors.FillKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Closed trades and fills, newest first, a page at a time. Pages are keyset pages: each starts below the sort key of
 * the previous page's last row (no OFFSET), so paging costs the same on page 1,000 as on page 1, and rows recorded
 * while a caller pages through never shift a page: nothing is repeated or skipped (rows newer than the first page
 * show up on a fresh first page).
 *
 * <p>Thread-safe.
 */
public final class TradeHistory {
    private final DSLContext dsl;

    public TradeHistory(PostgresDatabase database) {
        this.dsl = database.dsl();
    }

    /**
     * Closed slices of lots, newest close first (ties by the order they were written, newest first), filtered by
     * {@code query} on their close time.
     *
     * @throws IllegalArgumentException if the query's cursor is not one of a page of closed trades
     * @throws org.jooq.exception.DataAccessException if the database cannot be read
     */
    public Page<ClosedTrade> closedTrades(TradeQuery query) {
        Condition after = query.after()
                .map(Cursors::closedTrade)
                .map(k -> DSL.row(CLOSED_TRADE.CLOSED_AT, CLOSED_TRADE.ID).lt(utc(k.closedAt()), k.id()))
                .orElse(DSL.noCondition());
        List<ClosedTradeRecord> rows = dsl.selectFrom(CLOSED_TRADE)
                .where(filters(query, CLOSED_TRADE.BOT_ID, CLOSED_TRADE.MINT, CLOSED_TRADE.CLOSED_AT))
                .and(after)
                .orderBy(CLOSED_TRADE.CLOSED_AT.desc(), CLOSED_TRADE.ID.desc())
                .limit(query.limit() + 1)
                .fetch();
        return page(
                rows,
                query.limit(),
                Rows::closedTrade,
                r -> Cursors.encode(new ClosedTradeKey(r.getClosedAt().toInstant(), r.getId())));
    }

    /**
     * Fills, newest first (ties by order id and part, highest first), filtered by {@code query} on the time they
     * landed.
     *
     * @throws IllegalArgumentException if the query's cursor is not one of a page of fills
     * @throws org.jooq.exception.DataAccessException if the database cannot be read
     */
    public Page<Fill> fills(TradeQuery query) {
        Condition after = query.after()
                .map(Cursors::fill)
                .map(k -> DSL.row(FILL.FILLED_AT, FILL.ORDER_ID, FILL.FILL_PART)
                        .lt(utc(k.filledAt()), k.orderId(), k.part()))
                .orElse(DSL.noCondition());
        List<FillRecord> rows = dsl.selectFrom(FILL)
                .where(filters(query, FILL.BOT_ID, FILL.MINT, FILL.FILLED_AT))
                .and(after)
                .orderBy(FILL.FILLED_AT.desc(), FILL.ORDER_ID.desc(), FILL.FILL_PART.desc())
                .limit(query.limit() + 1)
                .fetch();
        return page(
                rows,
                query.limit(),
                Rows::fill,
                r -> Cursors.encode(new FillKey(r.getFilledAt().toInstant(), r.getOrderId(), r.getFillPart())));
    }

    private static Condition filters(
            TradeQuery query, Field<String> botId, Field<String> mint, Field<OffsetDateTime> at) {
        return DSL.and(
                query.botId().map(b -> botId.eq(b.value())).orElse(DSL.noCondition()),
                query.mint().map(m -> mint.eq(m.address())).orElse(DSL.noCondition()),
                query.from().map(f -> at.ge(utc(f))).orElse(DSL.noCondition()),
                query.to().map(t -> at.lt(utc(t))).orElse(DSL.noCondition()));
    }

    /** One row more than the page was fetched: if it came, there is a next page, which starts after the last item. */
    private static <R, T> Page<T> page(List<R> rows, int limit, Function<R, T> map, Function<R, String> cursor) {
        if (rows.size() <= limit) {
            return new Page<>(rows.stream().map(map).toList(), Optional.empty());
        }
        List<R> items = rows.subList(0, limit);
        return new Page<>(items.stream().map(map).toList(), Optional.of(cursor.apply(items.getLast())));
    }
}
