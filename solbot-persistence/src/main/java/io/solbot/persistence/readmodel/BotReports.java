package io.solbot.persistence.readmodel;

import static io.solbot.persistence.internal.db.Tables.CLOSED_TRADE;
import static io.solbot.persistence.internal.db.Tables.FILL;
import static io.solbot.persistence.internal.db.Tables.ORDER_FAILURE;
import static io.solbot.persistence.internal.db.Tables.STRATEGY_RUN_STATUS;
import static io.solbot.persistence.internal.db.Tables.TRADE;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Position;
import io.solbot.core.engine.BotStatus;
import io.solbot.core.engine.NoSuchBotException;
import io.solbot.core.engine.SolbotEngine;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.internal.Rows;
import io.solbot.persistence.internal.db.tables.records.StrategyRunStatusRecord;
import io.solbot.persistence.internal.db.tables.records.TradeRecord;
import io.solbot.persistence.readmodel.BotReport.Database;
import io.solbot.persistence.readmodel.BotReport.Stored;
import io.solbot.persistence.readmodel.BotReport.Unavailable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detailed status of bots: the engine's hot state joined with what the database holds about each bot. Bots the engine
 * does not run (stopped earlier, run by another process) are reported from the database alone.
 *
 * <p>{@link #reports()} costs five queries however many bots there are (one per table, grouped by bot), read in one
 * snapshot so that a sell moving lots into {@code closed_trade} is seen whole or not at all.
 *
 * <p>While the database is unreachable nothing throws: each report carries the hot state and {@link Unavailable} with
 * the reason, so a status page keeps working through an outage (after the pool's connection timeout, 5 s).
 *
 * <p>Thread-safe.
 */
public final class BotReports {
    private static final Logger log = LoggerFactory.getLogger(BotReports.class);
    private static final Stored NOTHING_STORED = new Stored(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Lamports.ZERO,
            0,
            0,
            Optional.empty(),
            0,
            Lamports.ZERO);
    // a driver message may quote a URL, and a URL may carry a password
    private static final Pattern SECRET = Pattern.compile("(?i)jdbc:\\S+|password\\s*[=:]\\s*\\S+");
    private static final int MAX_REASON_LENGTH = 160;

    private final DSLContext dsl;
    private final HotState live;

    /**
     * Reports joining {@code engine}'s hot state: a one-bot report or a page snapshots only the bots it shows.
     *
     * @param database the database the bots' stores write to
     */
    public BotReports(PostgresDatabase database, SolbotEngine engine) {
        this(database.dsl(), new EngineState(Objects.requireNonNull(engine, "engine")));
    }

    /**
     * Reports joining the hot state {@code live} supplies, for a host with its own view of the bots (none: {@code
     * List::of}); each report takes the whole list and picks from it.
     *
     * @param database the database the bots' stores write to
     * @param live the hot state of every bot; called once per report, from the caller's thread
     */
    public BotReports(PostgresDatabase database, Supplier<List<BotStatus>> live) {
        this(database.dsl(), new ListState(Objects.requireNonNull(live, "live")));
    }

    BotReports(DSLContext dsl, Supplier<List<BotStatus>> live) {
        this(dsl, new ListState(Objects.requireNonNull(live, "live")));
    }

    private BotReports(DSLContext dsl, HotState live) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.live = live;
    }

    /**
     * The report of one bot; empty when neither the engine nor the database knows it. While the database is
     * unavailable a bot the engine does not run still gets a report (with no hot state), since the database may know
     * it.
     */
    public Optional<BotReport> report(BotId botId) {
        Optional<BotStatus> hot = live.one(botId);
        Database database;
        try {
            Stored stored = read(List.of(botId)).get(botId);
            if (stored == null && hot.isEmpty()) {
                return Optional.empty();
            }
            database = stored == null ? NOTHING_STORED : stored;
        } catch (DataAccessException e) {
            database = unavailable(e);
        }
        return Optional.of(new BotReport(botId, hot, database));
    }

    /**
     * The reports of every bot the engine runs or the database knows, by bot id. While the database is unavailable,
     * those of the engine's bots only.
     */
    public List<BotReport> reports() {
        Map<BotId, BotStatus> hot = new HashMap<>();
        live.all().forEach(s -> hot.put(s.botId(), s));
        Map<BotId, Stored> stored;
        Unavailable unavailable = null;
        try {
            stored = read(null);
        } catch (DataAccessException e) {
            stored = Map.of();
            unavailable = unavailable(e);
        }
        TreeSet<BotId> ids = new TreeSet<>(hot.keySet());
        ids.addAll(stored.keySet());
        return join(ids, hot, stored, unavailable);
    }

    /**
     * One page of {@link #reports()}, by bot id: up to {@code limit} bots the engine runs or that have a run-status
     * row (every bot that ever started has one), after the bot of {@code cursor}. Costs two indexed reads for the
     * page's ids and five queries over the page's bots only, whatever the number of bots. While the database is
     * unavailable, a page of the engine's bots only.
     *
     * @param cursor the previous page's {@link Page#next()}, or empty for the first page
     * @param limit 1 to {@value TradeQuery#MAX_LIMIT}
     * @throws IllegalArgumentException if {@code limit} is out of range or {@code cursor} is not a page of bots' cursor
     */
    public Page<BotReport> reports(Optional<String> cursor, int limit) {
        if (limit < 1 || limit > TradeQuery.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + TradeQuery.MAX_LIMIT + ", but was " + limit);
        }
        BotId after = cursor.map(Cursors::bot).orElse(null);
        Map<BotId, BotStatus> hot = new HashMap<>();
        live.page(after, limit).forEach(s -> hot.put(s.botId(), s));
        TreeSet<BotId> ids = new TreeSet<>(hot.keySet());
        Map<BotId, Stored> stored;
        Unavailable unavailable = null;
        try {
            ids.addAll(storedIds(after, limit));
            while (ids.size() > limit) {
                ids.pollLast();
            }
            stored = ids.isEmpty() ? Map.of() : read(ids);
        } catch (DataAccessException e) {
            stored = Map.of();
            unavailable = unavailable(e);
        }
        List<BotReport> page = join(ids, hot, stored, unavailable);
        // a full page may have a next one; the last page says so by having no cursor
        Optional<String> next = ids.size() < limit ? Optional.empty() : Optional.of(Cursors.encode(ids.last()));
        return new Page<>(page, next);
    }

    private static List<BotReport> join(
            Collection<BotId> ids, Map<BotId, BotStatus> hot, Map<BotId, Stored> stored, Unavailable unavailable) {
        List<BotReport> reports = new ArrayList<>(ids.size());
        for (BotId id : ids) {
            Database database = unavailable != null ? unavailable : stored.getOrDefault(id, NOTHING_STORED);
            reports.add(new BotReport(id, Optional.ofNullable(hot.get(id)), database));
        }
        return reports;
    }

    /** The ids of up to {@code limit} bots with a run-status row after {@code after}, by id (its primary key). */
    private List<BotId> storedIds(BotId after, int limit) {
        return dsl.select(STRATEGY_RUN_STATUS.BOT_ID)
                .from(STRATEGY_RUN_STATUS)
                .where(after == null ? DSL.noCondition() : STRATEGY_RUN_STATUS.BOT_ID.gt(after.value()))
                .orderBy(STRATEGY_RUN_STATUS.BOT_ID)
                .limit(limit)
                .fetch(r -> BotId.of(r.value1()));
    }

    /** What the database holds about the bots {@code only}, or about every bot when it is null. */
    private Map<BotId, Stored> read(Collection<BotId> only) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // one snapshot for the five reads: a sell commits its lot's deletion and its closed trade together
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            Map<BotId, Builder> bots = new TreeMap<>();
            for (StrategyRunStatusRecord r : tx.selectFrom(STRATEGY_RUN_STATUS)
                    .where(botIs(STRATEGY_RUN_STATUS.BOT_ID, only))
                    .fetch()) {
                Builder bot = builder(bots, r.getBotId());
                bot.run = Rows.runRecord(r);
                bot.owner = r.getOwnerPid() == null ? r.getOwnerNode() : r.getOwnerPid() + "@" + r.getOwnerNode();
                bot.heartbeatAt =
                        r.getHeartbeatAt() == null ? null : r.getHeartbeatAt().toInstant();
            }
            readPositions(tx, only, bots);
            Field<Long> closed = DSL.count().coerce(Long.class);
            Field<BigDecimal> pnl = DSL.sum(CLOSED_TRADE.PNL_LAMPORTS);
            for (var r : tx.select(CLOSED_TRADE.BOT_ID, closed, pnl)
                    .from(CLOSED_TRADE)
                    .where(botIs(CLOSED_TRADE.BOT_ID, only))
                    .groupBy(CLOSED_TRADE.BOT_ID)
                    .fetch()) {
                Builder bot = builder(bots, r.value1());
                bot.closedTrades = r.value2();
                bot.realizedPnl = Rows.lamports(r.value3());
            }
            Field<Long> fills = DSL.count().coerce(Long.class);
            Field<OffsetDateTime> lastFill = DSL.max(FILL.FILLED_AT);
            for (var r : tx.select(FILL.BOT_ID, fills, lastFill)
                    .from(FILL)
                    .where(botIs(FILL.BOT_ID, only))
                    .groupBy(FILL.BOT_ID)
                    .fetch()) {
                Builder bot = builder(bots, r.value1());
                bot.fills = r.value2();
                bot.lastFillAt = r.value3().toInstant();
            }
            Field<Long> failed = DSL.count().coerce(Long.class);
            // summed as numeric: two bigint columns added row by row could overflow before the sum
            Field<BigDecimal> failedFees =
                    DSL.sum(ORDER_FAILURE.FEE_LAMPORTS).plus(DSL.sum(ORDER_FAILURE.TIP_LAMPORTS));
            for (var r : tx.select(ORDER_FAILURE.BOT_ID, failed, failedFees)
                    .from(ORDER_FAILURE)
                    .where(botIs(ORDER_FAILURE.BOT_ID, only))
                    .groupBy(ORDER_FAILURE.BOT_ID)
                    .fetch()) {
                Builder bot = builder(bots, r.value1());
                bot.failedOrders = r.value2();
                bot.failedOrderFees = Rows.lamports(r.value3());
            }
            Map<BotId, Stored> stored = new TreeMap<>();
            bots.forEach((id, b) -> stored.put(id, b.build()));
            return stored;
        });
    }

    /**
     * Open positions as {@code PostgresTradeLedger.openPositions} reads them: the bots' open lots, one position per
     * bot and mint, ordered by their oldest lot. One query for all bots; open lots are few next to fills and closed
     * trades.
     */
    private static void readPositions(DSLContext tx, Collection<BotId> only, Map<BotId, Builder> bots) {
        Map<String, List<TradeRecord>> lotsByBot = new LinkedHashMap<>();
        for (TradeRecord lot : tx.selectFrom(TRADE)
                .where(botIs(TRADE.BOT_ID, only))
                .orderBy(TRADE.BOT_ID, TRADE.OPENED_AT, TRADE.ID)
                .fetch()) {
            lotsByBot.computeIfAbsent(lot.getBotId(), b -> new ArrayList<>()).add(lot);
        }
        lotsByBot.forEach((bot, lots) -> builder(bots, bot).positions.addAll(Rows.positions(lots)));
    }

    private static Builder builder(Map<BotId, Builder> bots, String botId) {
        return bots.computeIfAbsent(BotId.of(botId), id -> new Builder());
    }

    private static Condition botIs(Field<String> botId, Collection<BotId> only) {
        if (only == null) {
            return DSL.noCondition();
        }
        return only.size() == 1
                ? botId.eq(only.iterator().next().value())
                : botId.in(only.stream().map(BotId::value).toList());
    }

    private static Unavailable unavailable(DataAccessException e) {
        Unavailable unavailable = new Unavailable(reason(e));
        log.debug("Bot reports without the database: {}", unavailable.reason());
        return unavailable;
    }

    /**
     * Why the database could not be read, fit for a status page or a console: the innermost cause's first line
     * (connection refused, database does not exist, pool closed), which says more than jOOQ's or Flyway's wrapper with
     * its SQL, stripped of anything that could be a URL or a password, prefixed "database unreachable: ".
     */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("").strip();
        message = SECRET.matcher(message).replaceAll("[redacted]");
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH - 3) + "...";
        }
        return "database unreachable: " + message;
    }

    /** Where the reports' hot state comes from. */
    private interface HotState {
        List<BotStatus> all();

        Optional<BotStatus> one(BotId botId);

        /** Up to {@code limit} bots after {@code after} (from the first when null), by id. */
        List<BotStatus> page(BotId after, int limit);
    }

    /** An engine's, read a bot or a page at a time. */
    private record EngineState(SolbotEngine engine) implements HotState {
        @Override
        public List<BotStatus> all() {
            return engine.statuses();
        }

        @Override
        public Optional<BotStatus> one(BotId botId) {
            try {
                return Optional.of(engine.status(botId));
            } catch (NoSuchBotException e) {
                return Optional.empty();
            }
        }

        @Override
        public List<BotStatus> page(BotId after, int limit) {
            return engine.statuses(after, limit);
        }
    }

    /** A host's list of every bot, picked from. */
    private record ListState(Supplier<List<BotStatus>> list) implements HotState {
        @Override
        public List<BotStatus> all() {
            return list.get();
        }

        @Override
        public Optional<BotStatus> one(BotId botId) {
            return list.get().stream().filter(s -> s.botId().equals(botId)).findFirst();
        }

        @Override
        public List<BotStatus> page(BotId after, int limit) {
            return list.get().stream()
                    .filter(s -> after == null || s.botId().compareTo(after) > 0)
                    .sorted(Comparator.comparing(BotStatus::botId))
                    .limit(limit)
                    .toList();
        }
    }

    /** One bot's rows as they come in, table by table. */
    private static final class Builder {
        private RunRecord run;
        private String owner;
        private Instant heartbeatAt;
        private final List<Position> positions = new ArrayList<>();
        private Lamports realizedPnl = Lamports.ZERO;
        private long fills;
        private long closedTrades;
        private Instant lastFillAt;
        private long failedOrders;
        private Lamports failedOrderFees = Lamports.ZERO;

        Stored build() {
            return new Stored(
                    Optional.ofNullable(run),
                    Optional.ofNullable(owner),
                    Optional.ofNullable(heartbeatAt),
                    positions,
                    realizedPnl,
                    fills,
                    closedTrades,
                    Optional.ofNullable(lastFillAt),
                    failedOrders,
                    failedOrderFees);
        }
    }
}
