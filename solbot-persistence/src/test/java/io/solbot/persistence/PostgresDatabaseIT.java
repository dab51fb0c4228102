package io.solbot.persistence;

import static io.solbot.persistence.internal.db.Tables.TRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solbot.core.config.ConfigValidator;
import io.solbot.core.testing.FirstUse;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresDatabaseIT {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    private static final String JOOQ_BANNER = "Thank you for using jOOQ";
    private static final String JOOQ_TIP = "jOOQ tip of the day";
    private static final String HIBERNATE_VALIDATOR_VERSION = "HV000001";

    /** An embedder's first use of solbot: validates configs, opens the database and queries it. */
    public static final class FirstQuery implements Consumer<String> {
        @Override
        public void accept(String jdbcUrl) {
            ConfigValidator.standard();
            try (PostgresDatabase database = PostgresDatabase.open(jdbcUrl, null, null, 1)) {
                database.dsl().fetchValue("select 1");
            }
        }
    }

    @Test
    void shouldMigrateAndKeepU64AmountsExactThroughGeneratedClasses(TestDatabase db) {
        try (PostgresDatabase database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2)) {
            database.dsl()
                    .insertInto(TRADE)
                    .set(TRADE.BOT_ID, "bot-1")
                    .set(TRADE.STRATEGY_ID, "ma-cross")
                    .set(TRADE.MINT, "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")
                    .set(TRADE.DECIMALS, (short) 6)
                    .set(TRADE.ORDER_ID, "order-1")
                    .set(TRADE.FILL_PART, 1)
                    .set(TRADE.SIGNATURE, "sig-1")
                    .set(TRADE.QUANTITY, U64_MAX)
                    .set(TRADE.COST_LAMPORTS, 1_000_005_000L)
                    .set(TRADE.ENTRY_QUANTITY, U64_MAX)
                    .set(TRADE.ENTRY_COST_LAMPORTS, 1_000_005_000L)
                    .set(TRADE.ENTRY_PRICE, new BigDecimal("0.000000000054210108624275221"))
                    .set(TRADE.FEE_LAMPORTS, 5_000L)
                    .set(TRADE.TIP_LAMPORTS, 0L)
                    .set(TRADE.OPENED_AT, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                    .execute();

            var row = database.dsl().selectFrom(TRADE).fetchSingle();
            assertThat(row.getQuantity()).isEqualTo(U64_MAX);
            assertThat(row.getEntryPrice()).isEqualByComparingTo("0.000000000054210108624275221");

            assertThatThrownBy(() -> database.dsl()
                            .insertInto(TRADE)
                            .set(row.copy())
                            .set(TRADE.BOT_ID, "bot-2")
                            .execute())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("trade_signature_key");
        }
    }

    @Test
    void shouldMigrateTwiceWithoutChange(TestDatabase db) {
        String applied =
                "select string_agg(version, ',' order by installed_rank) from flyway_schema_history" + " where success";
        Object first;
        try (PostgresDatabase db1 = PostgresDatabase.open(db.jdbcUrl(), null, null, 1)) {
            first = db1.dsl().fetchValue(applied);
        }
        // every script of src/main/resources/db/migration, in order, once
        assertThat(first).isEqualTo("1,2,3,4,5,6,7");
        try (PostgresDatabase db2 = PostgresDatabase.open(db.jdbcUrl(), null, null, 1)) {
            assertThat(db2.dsl().fetchValue(applied)).isEqualTo(first);
        }
    }

    @Test
    void shouldRefuseAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> PostgresDatabase.open("jdbc:mysql://localhost/x", null, null, 1))
                .hasMessageContaining("needs a PostgreSQL JDBC URL");
    }

    @Test
    void shouldPrintNeitherJooqsBannerAndTipNorHibernateValidatorsVersionOnFirstUse(TestDatabase db) {
        String output = withJooqProperties(null, () -> FirstUse.output(FirstQuery.class, db.jdbcUrl()));

        assertThat(output)
                .doesNotContain(JOOQ_BANNER)
                .doesNotContain(JOOQ_TIP)
                .doesNotContain(HIBERNATE_VALIDATOR_VERSION);
    }

    @Test
    void shouldLeaveJooqsBannerAndTipToAHostThatAsksForThem(TestDatabase db) {
        String output = withJooqProperties("false", () -> FirstUse.output(FirstQuery.class, db.jdbcUrl()));

        assertThat(output).contains(JOOQ_BANNER).contains(JOOQ_TIP);
    }

    /** Runs {@code run} with jOOQ's two properties set to {@code value} (null: unset), then restores them. */
    private static String withJooqProperties(String value, Supplier<String> run) {
        String[] properties = {"org.jooq.no-logo", "org.jooq.no-tips"};
        String[] before = new String[properties.length];
        for (int i = 0; i < properties.length; i++) {
            before[i] = value == null ? System.clearProperty(properties[i]) : System.setProperty(properties[i], value);
        }
        try {
            return run.get();
        } finally {
            for (int i = 0; i < properties.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(properties[i]);
                } else {
                    System.setProperty(properties[i], before[i]);
                }
            }
        }
    }
}
