package io.solbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.testing.Fills;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that version 5 of the schema wrote takes the upgrade to version 6: every fill keeps its row and gets a
 * sequence number in the order the store returned fills until then (by time), the fill store returns them in that
 * order, and fills recorded after the upgrade come after them whatever their times; the ledger refuses another fill
 * under a key it holds.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SchemaUpgradeFromVersion5IT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final BotId A = BotId.of("bot-a5");
    private static final BotId B = BotId.of("bot-b5");

    private static Fill buy(BotId bot, String order, long tokens, int second) {
        return Fills.buy(BONK, Lamports.of(tokens * 100), TokenAmount.of(tokens, 5))
                .bot(bot)
                .order(order)
                .fee(5_000)
                .at(T0.plusSeconds(second))
                .build();
    }

    private static Fill sell(BotId bot, String order, long tokens, int second) {
        return Fills.sell(BONK, TokenAmount.of(tokens, 5), Lamports.of(tokens * 120))
                .bot(bot)
                .order(order)
                .fee(5_000)
                .at(T0.plusSeconds(second))
                .build();
    }

    private static FillRecord record(Fill fill) {
        return new FillRecord("ma-cross", fill, fill.side() == Side.BUY ? "entry" : "exit");
    }

    @Test
    void shouldNumberTheFillsInTheirOldOrderAndPutEveryLaterOneAfterThem(TestDatabase db) {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .target("5")
                .load()
                .migrate();
        DSLContext v5 = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
        // recorded in this order; version 5 returned them by time: a2 (second 1), a1 (2), a3 (3); b1 (1), b2 (4)
        List<Fill> recorded = List.of(
                buy(A, "a1", 1_000, 2),
                buy(A, "a2", 2_000, 1),
                buy(B, "b1", 500, 1),
                sell(A, "a3", 1_500, 3),
                buy(B, "b2", 700, 4));
        Boolean[] applied = v5.select(DSL.function(
                        "record_fills",
                        SQLDataType.BOOLEAN.array(),
                        DSL.val(
                                FillBatch.json(recorded.stream()
                                        .map(SchemaUpgradeFromVersion5IT::record)
                                        .toList()),
                                JSONB.class)))
                .fetchOne(0, Boolean[].class);
        assertThat(applied).containsOnly(true);
        List<String> rowsBefore = v5.fetch("select to_jsonb(f)::text from fill f order by order_id")
                .getValues(0, String.class);

        try (PostgresDatabase database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2);
                PostgresFillStore store = new PostgresFillStore(database)) {
            DSLContext v6 = database.dsl();
            assertThat(v6.fetchValue(
                            "select string_agg(version, ',' order by installed_rank) from flyway_schema_history"))
                    .isEqualTo("1,2,3,4,5,6,7");
            assertThat(v6.fetch("select (to_jsonb(f) - 'seq')::text from fill f order by order_id")
                            .getValues(0, String.class))
                    .isEqualTo(rowsBefore);
            assertThat(v6.fetch("select order_id, seq from fill order by seq").map(r -> r.get(0) + "=" + r.get(1)))
                    .containsExactly("a2=1", "b1=2", "a1=3", "a3=4", "b2=5");
            assertThat(v6.fetchValue("select is_nullable || ' ' || is_identity || ' ' || identity_generation"
                            + " from information_schema.columns where table_name = 'fill' and column_name = 'seq'"))
                    .isEqualTo("NO YES ALWAYS");

            assertThat(store.fills(A)).extracting(f -> f.orderId().value()).containsExactly("a2", "a1", "a3");
            // recorded after the upgrade, with a time before all of them: it comes last
            Fill late = sell(A, "a4", 500, 0);
            store.record(late);
            assertThat(store.fills(A)).extracting(f -> f.orderId().value()).containsExactly("a2", "a1", "a3", "a4");
            assertThat(store.fills(B)).extracting(f -> f.orderId().value()).containsExactly("b1", "b2");
            assertThat(store.ledger().openPositions(A))
                    .singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(TokenAmount.of(1_000, 5)));

            // the same fill again changes nothing; another under its key is refused
            store.record(recorded.getFirst());
            assertThatThrownBy(() -> store.record(buy(A, "a1", 1_001, 2)))
                    .isInstanceOf(RefusedWriteException.class)
                    .hasMessageContaining("Fill a1/1 of bot 'bot-a5' is recorded already, with another content");
            assertThat(store.ledger().contains(OrderId.of("a1"), 1)).isTrue();
            assertThat(v6.fetchValue("select count(*) from fill")).isEqualTo(6L);
        }
    }
}
