package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.CLOSED_TRADE;
import static io.solbot.persistence.internal.db.Tables.FILL;
import static io.solbot.persistence.internal.db.Tables.TRADE;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.persistence.internal.db.tables.records.TradeRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Records fills and keeps open positions as FIFO lots: a buy fill opens a lot in {@code trade}; a sell fill closes
 * lots oldest first, each closed slice moving to {@code closed_trade} in the same transaction (a partial close splits
 * the lot). Cost basis, proceeds and PnL are exact to the lamport: shares are computed with integer arithmetic and
 * the last slice takes the remainder, so the parts always add up to the whole.
 *
 * <p>Every fill is recorded at most once, keyed by its order id and part: recording it again (a retry, a replay from
 * the journal after a crash) changes nothing and reports it as already recorded.
 *
 * <p>Thread-safe; concurrent sells of one bot's position serialise on the lots' row locks.
 */
public final class PostgresTradeLedger {
    private final DSLContext dsl;

    public PostgresTradeLedger(PostgresDatabase database) {
        this.dsl = database.dsl();
    }

    /**
     * Records {@code fills} in one transaction, which is how many bots' fills share one commit (group commit).
     *
     * @return how many of them were new
     * @throws InsufficientPositionException if a sell closes more than is open; then nothing of the batch is
     *     recorded (record the others again without it)
     */
    public int record(List<FillRecord> fills) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int applied = 0;
            for (FillRecord record : fills) {
                if (apply(tx, record)) {
                    applied++;
                }
            }
            return applied;
        });
    }

    /** Records one fill; see {@link #record(List)}. Returns whether it was new. */
    public boolean record(FillRecord fill) {
        return record(List.of(fill)) == 1;
    }

    private static boolean apply(DSLContext tx, FillRecord record) {
        Fill fill = record.fill();
        int inserted = tx.insertInto(FILL)
                .set(FILL.ORDER_ID, fill.orderId().value())
                .set(FILL.FILL_PART, fill.part())
                .set(FILL.FILL_PARTS, fill.parts())
                .set(FILL.BOT_ID, fill.botId().value())
                .set(FILL.STRATEGY, record.strategy())
                .set(FILL.MINT, fill.mint().address())
                .set(FILL.SIDE, fill.side().name())
                .set(FILL.DECIMALS, (short) fill.tokens().decimals())
                .set(FILL.AMOUNT_IN, fill.amountIn().raw())
                .set(FILL.AMOUNT_OUT, fill.amountOut().raw())
                .set(FILL.PRICE, fill.price().value())
                .set(FILL.FEE_LAMPORTS, fill.fee().value())
                .set(FILL.TIP_LAMPORTS, fill.tip().value())
                .set(FILL.SIGNATURE, fill.signature().value())
                .set(FILL.SUBMITTED_AT, utc(fill.submittedAt()))
                .set(FILL.FILLED_AT, utc(fill.filledAt()))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        if (fill.side() == Side.BUY) {
            openLot(tx, record);
        } else {
            closeLots(tx, record);
        }
        return true;
    }

    private static void openLot(DSLContext tx, FillRecord record) {
        Fill fill = record.fill();
        BigInteger cost = fill.amountIn().raw().add(big(fill.fee())).add(big(fill.tip()));
        tx.insertInto(TRADE)
                .set(TRADE.BOT_ID, fill.botId().value())
                .set(TRADE.STRATEGY, record.strategy())
                .set(TRADE.MINT, fill.mint().address())
                .set(TRADE.DECIMALS, (short) fill.amountOut().decimals())
                .set(TRADE.ORDER_ID, fill.orderId().value())
                .set(TRADE.FILL_PART, fill.part())
                .set(TRADE.SIGNATURE, fill.signature().value())
                .set(TRADE.QUANTITY, fill.amountOut().raw())
                .set(TRADE.COST_LAMPORTS, cost)
                .set(TRADE.ENTRY_QUANTITY, fill.amountOut().raw())
                .set(TRADE.ENTRY_COST_LAMPORTS, cost)
                .set(TRADE.ENTRY_PRICE, fill.price().value())
                .set(TRADE.FEE_LAMPORTS, fill.fee().value())
                .set(TRADE.TIP_LAMPORTS, fill.tip().value())
                .set(TRADE.OPENED_AT, utc(fill.filledAt()))
                .execute();
    }

    private static void closeLots(DSLContext tx, FillRecord record) {
        Fill fill = record.fill();
        List<TradeRecord> lots = tx.selectFrom(TRADE)
                .where(TRADE.BOT_ID.eq(fill.botId().value()))
                .and(TRADE.MINT.eq(fill.mint().address()))
                .orderBy(TRADE.OPENED_AT, TRADE.ID)
                .forUpdate()
                .fetch();
        BigInteger sold = fill.amountIn().raw();
        BigInteger held = lots.stream().map(TradeRecord::getQuantity).reduce(BigInteger.ZERO, BigInteger::add);
        if (held.compareTo(sold) < 0) {
            throw new InsufficientPositionException("Bot '" + fill.botId() + "' sold " + fill.amountIn() + " of "
                    + fill.mint() + " (order " + fill.orderId() + "), but its open lots hold only "
                    + new TokenAmount(held, fill.amountIn().decimals()));
        }
        BigInteger proceeds = fill.amountOut().raw();
        BigInteger fees = big(fill.fee()).add(big(fill.tip()));
        BigInteger remaining = sold;
        BigInteger proceedsLeft = proceeds;
        BigInteger feesLeft = fees;
        for (TradeRecord lot : lots) {
            if (remaining.signum() == 0) {
                break;
            }
            BigInteger slice = lot.getQuantity().min(remaining);
            boolean wholeLot = slice.equals(lot.getQuantity());
            boolean lastSlice = slice.equals(remaining);
            BigInteger cost = wholeLot ? lot.getCostLamports() : share(lot.getCostLamports(), slice, lot.getQuantity());
            BigInteger sliceProceeds = lastSlice ? proceedsLeft : share(proceeds, slice, sold);
            BigInteger sliceFees = lastSlice ? feesLeft : share(fees, slice, sold);
            if (wholeLot) {
                tx.deleteFrom(TRADE).where(TRADE.ID.eq(lot.getId())).execute();
            } else {
                tx.update(TRADE)
                        .set(TRADE.QUANTITY, lot.getQuantity().subtract(slice))
                        .set(TRADE.COST_LAMPORTS, lot.getCostLamports().subtract(cost))
                        .where(TRADE.ID.eq(lot.getId()))
                        .execute();
            }
            tx.insertInto(CLOSED_TRADE)
                    .set(CLOSED_TRADE.BOT_ID, lot.getBotId())
                    .set(CLOSED_TRADE.STRATEGY, record.strategy())
                    .set(CLOSED_TRADE.MINT, lot.getMint())
                    .set(CLOSED_TRADE.DECIMALS, lot.getDecimals())
                    .set(CLOSED_TRADE.ENTRY_ORDER_ID, lot.getOrderId())
                    .set(CLOSED_TRADE.ENTRY_FILL_PART, lot.getFillPart())
                    .set(CLOSED_TRADE.ENTRY_SIGNATURE, lot.getSignature())
                    .set(CLOSED_TRADE.EXIT_ORDER_ID, fill.orderId().value())
                    .set(CLOSED_TRADE.EXIT_FILL_PART, fill.part())
                    .set(CLOSED_TRADE.EXIT_SIGNATURE, fill.signature().value())
                    .set(CLOSED_TRADE.QUANTITY, slice)
                    .set(CLOSED_TRADE.COST_LAMPORTS, cost)
                    .set(CLOSED_TRADE.PROCEEDS_LAMPORTS, sliceProceeds)
                    .set(CLOSED_TRADE.EXIT_FEE_LAMPORTS, sliceFees)
                    .set(
                            CLOSED_TRADE.PNL_LAMPORTS,
                            sliceProceeds.subtract(sliceFees).subtract(cost))
                    .set(CLOSED_TRADE.ENTRY_PRICE, lot.getEntryPrice())
                    .set(CLOSED_TRADE.EXIT_PRICE, fill.price().value())
                    .set(CLOSED_TRADE.EXIT_REASON, record.reason())
                    .set(CLOSED_TRADE.OPENED_AT, lot.getOpenedAt())
                    .set(CLOSED_TRADE.CLOSED_AT, utc(fill.filledAt()))
                    .execute();
            remaining = remaining.subtract(slice);
            proceedsLeft = proceedsLeft.subtract(sliceProceeds);
            feesLeft = feesLeft.subtract(sliceFees);
        }
    }

    /** {@code whole × part / of}, rounded down. */
    private static BigInteger share(BigInteger whole, BigInteger part, BigInteger of) {
        return whole.multiply(part).divide(of);
    }

    /**
     * The bot's open positions, one per mint, oldest first: quantities and cost bases summed over its lots; the
     * entry price is the quantity-weighted average of the lots' entry prices.
     */
    public List<Position> openPositions(BotId botId) {
        Map<String, List<TradeRecord>> byMint = new LinkedHashMap<>();
        for (TradeRecord lot : dsl.selectFrom(TRADE)
                .where(TRADE.BOT_ID.eq(botId.value()))
                .orderBy(TRADE.OPENED_AT, TRADE.ID)
                .fetch()) {
            byMint.computeIfAbsent(lot.getMint(), m -> new ArrayList<>()).add(lot);
        }
        List<Position> positions = new ArrayList<>();
        for (List<TradeRecord> lots : byMint.values()) {
            TradeRecord first = lots.getFirst();
            BigInteger quantity = BigInteger.ZERO;
            BigInteger cost = BigInteger.ZERO;
            BigDecimal weighted = BigDecimal.ZERO;
            for (TradeRecord lot : lots) {
                quantity = quantity.add(lot.getQuantity());
                cost = cost.add(lot.getCostLamports());
                weighted = weighted.add(lot.getEntryPrice().multiply(new BigDecimal(lot.getQuantity())));
            }
            positions.add(new Position(
                    Mint.of(first.getMint()),
                    new TokenAmount(quantity, first.getDecimals()),
                    new Lamports(cost.longValueExact()),
                    new Price(weighted.divide(new BigDecimal(quantity), Price.MATH)),
                    first.getOpenedAt().toInstant()));
        }
        return positions;
    }

    /** The bot's closed trades, oldest close first. */
    public List<ClosedTrade> closedTrades(BotId botId) {
        return dsl.selectFrom(CLOSED_TRADE)
                .where(CLOSED_TRADE.BOT_ID.eq(botId.value()))
                .orderBy(CLOSED_TRADE.CLOSED_AT, CLOSED_TRADE.ID)
                .fetch(r -> new ClosedTrade(
                        BotId.of(r.getBotId()),
                        Mint.of(r.getMint()),
                        OrderId.of(r.getEntryOrderId()),
                        OrderId.of(r.getExitOrderId()),
                        new TokenAmount(r.getQuantity(), r.getDecimals()),
                        lamports(r.getCostLamports()),
                        lamports(r.getProceedsLamports()),
                        lamports(r.getExitFeeLamports()),
                        lamports(r.getPnlLamports()),
                        new Price(r.getEntryPrice()),
                        new Price(r.getExitPrice()),
                        r.getExitReason(),
                        r.getOpenedAt().toInstant(),
                        r.getClosedAt().toInstant()));
    }

    /** The sum of the PnL of the bot's closed trades: its realised profit or loss, exact. */
    public Lamports realizedPnl(BotId botId) {
        BigDecimal sum = dsl.select(DSL.sum(CLOSED_TRADE.PNL_LAMPORTS))
                .from(CLOSED_TRADE)
                .where(CLOSED_TRADE.BOT_ID.eq(botId.value()))
                .fetchOne(0, BigDecimal.class);
        return sum == null ? Lamports.ZERO : new Lamports(sum.longValueExact());
    }

    /** Whether the fill with this order id and part has been recorded. */
    public boolean contains(OrderId orderId, int part) {
        return dsl.fetchExists(FILL, FILL.ORDER_ID.eq(orderId.value()).and(FILL.FILL_PART.eq(part)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return Objects.requireNonNull(instant).atOffset(ZoneOffset.UTC);
    }

    private static BigInteger big(Lamports lamports) {
        return BigInteger.valueOf(lamports.value());
    }

    private static Lamports lamports(BigInteger value) {
        return new Lamports(value.longValueExact());
    }
}
