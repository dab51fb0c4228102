package io.solbot.persistence.internal;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Lot;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderFailure;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Position;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.ClosedTrade;
import io.solbot.persistence.internal.db.tables.records.ClosedTradeRecord;
import io.solbot.persistence.internal.db.tables.records.FillRecord;
import io.solbot.persistence.internal.db.tables.records.OrderFailureRecord;
import io.solbot.persistence.internal.db.tables.records.StrategyRunStatusRecord;
import io.solbot.persistence.internal.db.tables.records.TradeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows to domain values, once for the stores and the read models. Not part of the API: the package is internal, public
 * only so that both packages of solbot-persistence can reach it.
 */
public final class Rows {
    private Rows() {}

    /** A fill row: the row keeps the token's decimals; the SOL side has {@value Lamports#SOL_DECIMALS}. */
    public static Fill fill(FillRecord r) {
        boolean buy = r.getSide().equals(Side.BUY.name());
        return new Fill(
                OrderId.of(r.getOrderId()),
                BotId.of(r.getBotId()),
                Mint.of(r.getMint()),
                Side.valueOf(r.getSide()),
                new TokenAmount(r.getAmountIn(), buy ? Lamports.SOL_DECIMALS : r.getDecimals()),
                new TokenAmount(r.getAmountOut(), buy ? r.getDecimals() : Lamports.SOL_DECIMALS),
                new Price(r.getPrice()),
                Lamports.of(r.getFeeLamports()),
                Lamports.of(r.getTipLamports()),
                TxSignature.of(r.getSignature()),
                r.getFillPart(),
                r.getFillParts(),
                r.getSubmittedAt().toInstant(),
                r.getFilledAt().toInstant());
    }

    public static OrderFailure orderFailure(OrderFailureRecord r) {
        return new OrderFailure(
                OrderId.of(r.getOrderId()),
                Mint.of(r.getMint()),
                Side.valueOf(r.getSide()),
                r.getStage(),
                r.getReason(),
                r.getFailedAt().toInstant(),
                Lamports.of(r.getFeeLamports()),
                Lamports.of(r.getTipLamports()));
    }

    public static ClosedTrade closedTrade(ClosedTradeRecord r) {
        return new ClosedTrade(
                BotId.of(r.getBotId()),
                Mint.of(r.getMint()),
                OrderId.of(r.getEntryOrderId()),
                OrderId.of(r.getExitOrderId()),
                new TokenAmount(r.getQuantity(), r.getDecimals()),
                Lamports.of(r.getCostLamports()),
                Lamports.of(r.getProceedsLamports()),
                Lamports.of(r.getExitFeeLamports()),
                Lamports.of(r.getPnlLamports()),
                new Price(r.getEntryPrice()),
                new Price(r.getExitPrice()),
                r.getExitReason(),
                r.getOpenedAt().toInstant(),
                r.getClosedAt().toInstant());
    }

    /** An open lot. */
    public static Lot lot(TradeRecord r) {
        return new Lot(
                OrderId.of(r.getOrderId()),
                r.getFillPart(),
                new TokenAmount(r.getQuantity(), r.getDecimals()),
                new Price(r.getEntryPrice()),
                Lamports.of(r.getCostLamports()),
                r.getOpenedAt().toInstant());
    }

    /**
     * The positions of one bot's open lots, one per mint, ordered by their oldest lot.
     *
     * @param lots the bot's lots in the order they close: by {@code opened_at}, then {@code id}
     */
    public static List<Position> positions(List<TradeRecord> lots) {
        Map<String, List<Lot>> byMint = new LinkedHashMap<>();
        for (TradeRecord r : lots) {
            byMint.computeIfAbsent(r.getMint(), m -> new ArrayList<>()).add(lot(r));
        }
        List<Position> positions = new ArrayList<>(byMint.size());
        byMint.forEach((mint, held) -> positions.add(new Position(Mint.of(mint), held)));
        return positions;
    }

    public static RunRecord runRecord(StrategyRunStatusRecord r) {
        return new RunRecord(
                BotId.of(r.getBotId()),
                r.getStrategyId(),
                r.getConfigHash(),
                RunStatus.valueOf(r.getStatus()),
                r.getReason() == null ? "" : r.getReason(),
                r.getStartedAt().toInstant(),
                r.getUpdatedAt().toInstant(),
                r.getRestartCount(),
                r.getTrades());
    }

    /**
     * A sum of lamport amounts as SQL returns it: {@code SUM} of a bigint column is numeric, so that the sum itself
     * never overflows in the database.
     *
     * @param sum the sum, or null for a sum over no rows
     * @return the sum, zero for null
     * @throws ArithmeticException if it does not fit a long
     */
    public static Lamports lamports(BigDecimal sum) {
        return sum == null ? Lamports.ZERO : new Lamports(sum.longValueExact());
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
