package io.solbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.RunStatus;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.core.store.RunRecord;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that version 4 of the schema wrote, with rows in every table, takes the upgrade to version 5: every row
 * is kept, the strategy is {@code strategy_id} everywhere, a run keeps its reason under {@code reason}, its trades are
 * counted again as the buys it opened, lamports are bigint to the lamport, and the ledger records and closes lots as
 * before.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SchemaUpgradeFromVersion4IT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    private static final BotId STOPPED = BotId.of("stopped-4");
    private static final BotId FAILED = BotId.of("failed-4");

    /**
     * Each table's rows as JSON, in key order. Before the upgrade the renamed columns are read under their new names,
     * and the run's trades, which the upgrade counts again, are left out on both sides.
     */
    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("strategy_run_status", new String[] {
            "to_jsonb(t) - 'strategy' - 'last_error' - 'trades_executed'"
                    + " || jsonb_build_object('strategy_id', t.strategy, 'reason', t.last_error)",
            "to_jsonb(t) - 'trades'",
            "bot_id"
        });
        for (String table : List.of("fill", "trade", "closed_trade")) {
            TABLES.put(table, new String[] {
                "to_jsonb(t) - 'strategy' || jsonb_build_object('strategy_id', t.strategy)",
                // version 6 numbers the fills (SchemaUpgradeFromVersion5IT checks how)
                table.equals("fill") ? "to_jsonb(t) - 'seq'" : "to_jsonb(t)",
                table.equals("fill") ? "order_id, fill_part" : "id"
            });
        }
        TABLES.put("order_failure", new String[] {"to_jsonb(t)", "to_jsonb(t)", "bot_id, order_id"});
    }

    @Test
    void shouldKeepEveryRowUnderTheNewNamesCountTradesAsBuysAndRecordFillsAfterTheUpgrade(TestDatabase db) {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        DSLContext v4 = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
        // version 4 counted filled orders: the stopped bot's two buys and its sell
        insertRun(v4, STOPPED, "STOPPED", 0, 3, null);
        insertRun(v4, FAILED, "FAILED", 3, 1, "strategy 'ma-cross' threw: boom");
        // the stopped bot's first buy filled in two parts: 3e18 lamports (beyond a double's 2^53) and 5,002 fee for
        // 3,000,000 tokens, then 1 SOL for 1,000,000 tokens; its second buy 2 SOL + 5,000 for 2,000,000 tokens
        Fill firstPart = fill(STOPPED, "s-buy-1", 1, 2, Side.BUY, 3_000_000_000_000_000_000L, 3_000_000, 5_002, 1);
        Fill secondPart = fill(STOPPED, "s-buy-1", 2, 2, Side.BUY, 1_000_000_000L, 1_000_000, 0, 2);
        Fill secondBuy = fill(STOPPED, "s-buy-2", 1, 1, Side.BUY, 2_000_000_000L, 2_000_000, 5_000, 3);
        // a third of the first lot for 1.2e18 lamports, 5,000 fee and 1,000 tip: its cost is 3,000,000,000,000,005,002
        // / 3 = 1,000,000,000,000,001,667.33, rounded half down to 1,000,000,000,000,001,667; PnL 1.2e18 - 6,000 - that
        Fill firstSell = fill(STOPPED, "s-sell-1", 1, 1, Side.SELL, 1_200_000_000_000_000_000L, 1_000_000, 5_000, 4);
        Fill failedBuy = fill(FAILED, "f-buy-1", 1, 1, Side.BUY, 500_000_000L, 700_000, 5_000, 5);
        assertThat(RecordFillsBeforeVersion5.call(
                        v4,
                        List.of(
                                record(firstPart),
                                record(secondPart),
                                record(secondBuy),
                                record(firstSell),
                                record(failedBuy))))
                .containsExactly(true, true, true, true, true);
        insertFailure(v4, FAILED, "f-sell-1", "land", "the sell reverted", 5_000, 1_000, 6);
        insertFailure(v4, STOPPED, "s-sell-x", "send", "the RPC refused", 0, 0, 7);
        Map<String, List<String>> before = snapshot(v4, 0);

        try (PostgresDatabase database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2);
                PostgresFillStore store = new PostgresFillStore(database)) {
            DSLContext v5 = database.dsl();
            assertThat(v5.fetchValue(
                            "select string_agg(version, ',' order by installed_rank) from flyway_schema_history"))
                    .isEqualTo("1,2,3,4,5,6,7");
            assertThat(snapshot(v5, 1)).isEqualTo(before);
            assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

            assertThat(columns(v5, "column_name like 'strategy%'"))
                    .containsExactlyInAnyOrder(
                            "closed_trade.strategy_id varchar",
                            "fill.strategy_id varchar",
                            "strategy_run_status.strategy_id varchar",
                            "trade.strategy_id varchar");
            assertThat(columns(
                            v5,
                            "table_name = 'strategy_run_status' and column_name in"
                                    + " ('trades', 'reason', 'trades_executed', 'last_error')"))
                    .containsExactlyInAnyOrder("strategy_run_status.reason varchar", "strategy_run_status.trades int4");
            assertThat(v5.fetchValue("select is_nullable || ' ' || column_default from information_schema.columns"
                            + " where table_name = 'strategy_run_status' and column_name = 'trades'"))
                    .isEqualTo("NO 0");
            assertThat(columns(v5, "column_name like '%lamports'"))
                    .containsExactlyInAnyOrder(
                            "closed_trade.cost_lamports int8",
                            "closed_trade.exit_fee_lamports int8",
                            "closed_trade.pnl_lamports int8",
                            "closed_trade.proceeds_lamports int8",
                            "fill.fee_lamports int8",
                            "fill.tip_lamports int8",
                            "order_failure.fee_lamports int8",
                            "order_failure.tip_lamports int8",
                            "trade.cost_lamports int8",
                            "trade.entry_cost_lamports int8",
                            "trade.fee_lamports int8",
                            "trade.tip_lamports int8");

            // trades counted again: the buys each bot opened, once however many parts they filled in
            PostgresRunStatusStore runs = new PostgresRunStatusStore(database, "1@upgrade", id -> null);
            assertThat(runs.all())
                    .extracting(RunRecord::botId, RunRecord::status, RunRecord::reason, RunRecord::trades)
                    .containsExactly(
                            tuple(FAILED, RunStatus.FAILED, "strategy 'ma-cross' threw: boom", 1),
                            tuple(STOPPED, RunStatus.STOPPED, "", 2));

            // lamports beyond 2^53 read back to the lamport
            PostgresTradeLedger ledger = store.ledger();
            assertThat(ledger.closedTrades(STOPPED))
                    .extracting(ClosedTrade::cost, ClosedTrade::proceeds, ClosedTrade::exitFees, ClosedTrade::pnl)
                    .containsExactly(tuple(
                            Lamports.of(1_000_000_000_000_001_667L),
                            Lamports.of(1_200_000_000_000_000_000L),
                            Lamports.of(6_000),
                            Lamports.of(199_999_999_999_992_333L)));
            assertThat(ledger.openPositions(STOPPED))
                    .singleElement()
                    .satisfies(p -> assertThat(p.lots())
                            .extracting(l -> l.costBasis().value())
                            .containsExactly(2_000_000_000_000_003_335L, 1_000_000_000L, 2_000_005_000L));
            assertThat(store.failures(FAILED)).singleElement().satisfies(f -> {
                assertThat(f.fee()).isEqualTo(Lamports.of(5_000));
                assertThat(f.tip()).isEqualTo(Lamports.of(1_000));
            });

            // 2,500,000 tokens for 2.5 SOL, 5,000 fee and 1,000 tip: the rest of the first lot (2,000,000 tokens)
            // takes all its cost, 2,000,000,000 of the proceeds and 4,800 of the fees; half of the second part's lot
            // takes half its cost, 500,000,000, and what is left of proceeds and fees
            store.record(fill(STOPPED, "s-sell-2", 1, 1, Side.SELL, 2_500_000_000L, 2_500_000, 5_000, 8));
            assertThat(ledger.closedTrades(STOPPED))
                    .extracting(ClosedTrade::entryOrderId, ClosedTrade::cost, ClosedTrade::exitFees, ClosedTrade::pnl)
                    .containsExactly(
                            tuple(
                                    OrderId.of("s-buy-1"),
                                    Lamports.of(1_000_000_000_000_001_667L),
                                    Lamports.of(6_000),
                                    Lamports.of(199_999_999_999_992_333L)),
                            tuple(
                                    OrderId.of("s-buy-1"),
                                    Lamports.of(2_000_000_000_000_003_335L),
                                    Lamports.of(4_800),
                                    Lamports.of(-1_999_999_998_000_008_135L)),
                            tuple(
                                    OrderId.of("s-buy-1"),
                                    Lamports.of(500_000_000L),
                                    Lamports.of(1_200),
                                    Lamports.of(-1_200)));
            assertThat(ledger.realizedPnl(STOPPED)).isEqualTo(Lamports.of(-1_799_999_998_000_017_002L));
            assertThat(v5.fetch("select distinct strategy_id from closed_trade").getValues(0, String.class))
                    .containsExactly("ma-cross");
            // more than the 2,500,000 tokens left is refused, as before
            assertThatThrownBy(() -> store.record(
                            fill(STOPPED, "s-sell-3", 1, 1, Side.SELL, 1_000_000_000L, 2_500_001, 5_000, 9)))
                    .isInstanceOf(InsufficientPositionException.class);
            store.record(fill(FAILED, "f-buy-2", 1, 1, Side.BUY, 100_000_000L, 200_000, 5_000, 10));
            assertThat(ledger.openPositions(FAILED))
                    .singleElement()
                    .satisfies(p -> assertThat(p.costBasis()).isEqualTo(Lamports.of(600_010_000L)));
            assertThat(v5.fetchValue("select strategy_id from trade where order_id = 'f-buy-2'"))
                    .isEqualTo("ma-cross");
        }
    }

    /** A run row in version 4's columns: the generated classes follow the newest schema. */
    private static void insertRun(DSLContext dsl, BotId bot, String status, int restarts, long trades, String error) {
        OffsetDateTime stopped = utc(T0.plusSeconds(600));
        dsl.execute(
                "INSERT INTO strategy_run_status (bot_id, strategy, config, config_hash, status, owner_node, owner_pid,"
                        + " started_at, stopped_at, heartbeat_at, restart_count, trades_executed, last_error,"
                        + " updated_at) VALUES (?, 'ma-cross', '{\"window\": 2}'::jsonb, 'hash-4', ?, 'node-a', 4711,"
                        + " ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?, ?, ?::timestamptz)",
                bot.value(),
                status,
                utc(T0),
                stopped,
                stopped,
                restarts,
                trades,
                error,
                stopped);
    }

    private static void insertFailure(
            DSLContext dsl, BotId bot, String order, String stage, String reason, long fee, long tip, int minute) {
        dsl.execute(
                "INSERT INTO order_failure (bot_id, order_id, mint, side, stage, reason, fee_lamports, tip_lamports,"
                        + " failed_at) VALUES (?, ?, ?, 'SELL', ?, ?, ?, ?, ?::timestamptz)",
                bot.value(),
                order,
                BONK.address(),
                stage,
                reason,
                fee,
                tip,
                utc(T0.plusSeconds(60L * minute)));
    }

    /** Every table's rows as JSON text, by table; {@code version} 0 reads version 4's columns, 1 version 5's. */
    private static Map<String, List<String>> snapshot(DSLContext dsl, int version) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, query) -> rows.put(
                table,
                dsl.fetch("select (" + query[version] + ")::text from " + table + " t order by " + query[2])
                        .getValues(0, String.class)));
        return rows;
    }

    /** The schema's columns that match {@code condition}, as {@code table.column type}. */
    private static List<String> columns(DSLContext dsl, String condition) {
        return dsl.fetch("select table_name || '.' || column_name || ' ' || udt_name"
                        + " from information_schema.columns where table_schema = 'public' and " + condition)
                .getValues(0, String.class);
    }

    private static FillRecord record(Fill fill) {
        return new FillRecord("ma-cross", fill, fill.side() == Side.BUY ? "entry" : "take-profit");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int signatures;

    /**
     * Part {@code part} of {@code parts} of an order for {@code tokens} raw units (5 decimals) of BONK and {@code
     * lamports}, with {@code fee} and, for a sell, a 1,000 tip, landed {@code minute}s in.
     */
    private static Fill fill(
            BotId bot, String order, int part, int parts, Side side, long lamports, long tokens, long fee, int minute) {
        TokenAmount sol = Lamports.of(lamports).toTokenAmount();
        TokenAmount amount = TokenAmount.of(tokens, 5);
        byte[] signature = new byte[64];
        signature[0] = (byte) ++signatures;
        Instant at = T0.plusSeconds(60L * minute);
        return new Fill(
                OrderId.of(order),
                bot,
                BONK,
                side,
                side == Side.BUY ? sol : amount,
                side == Side.BUY ? amount : sol,
                Price.ofTrade(Lamports.of(lamports), amount),
                Lamports.of(fee),
                Lamports.of(side == Side.BUY ? 0 : 1_000),
                TxSignature.ofBytes(signature),
                part,
                parts,
                at,
                at);
    }
}
