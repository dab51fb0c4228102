package io.solbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.Lamports;
import io.solbot.core.domain.Mint;
import io.solbot.core.domain.OrderId;
import io.solbot.core.domain.Price;
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A database that an older version of the schema wrote (a launcher's runtime/pgdata) keeps working after the upgrade. */
@ExtendWith(EmbeddedPostgresExtension.class)
class SchemaUpgradeIT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    @Test
    void shouldCloseALotOpenedUnderVersion1WithTheCurrentFunction(TestDatabase db) {
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        // an open lot as version 1 wrote it: 2,000,000 raw tokens for 1 SOL + 5,000 fee. Plain SQL in version 1's
        // columns: the generated classes follow the newest schema
        DSLContext v1 = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
        OffsetDateTime at = T0.atOffset(ZoneOffset.UTC);
        v1.execute(
                "INSERT INTO fill (order_id, fill_part, fill_parts, bot_id, strategy, mint, side, decimals, amount_in,"
                        + " amount_out, price, fee_lamports, tip_lamports, signature, submitted_at, filled_at)"
                        + " VALUES ('old-buy', 1, 1, 'upgraded', 'ma-cross', ?, 'BUY', 5, 1000000000, 2000000, 500,"
                        + " 5000, 0, 'old-signature', ?::timestamptz, ?::timestamptz)",
                BONK.address(),
                at,
                at);
        v1.execute(
                "INSERT INTO trade (bot_id, strategy, mint, decimals, order_id, fill_part, signature, quantity,"
                        + " cost_lamports, entry_quantity, entry_cost_lamports, entry_price, fee_lamports,"
                        + " tip_lamports, opened_at)"
                        + " VALUES ('upgraded', 'ma-cross', ?, 5, 'old-buy', 1, 'old-signature', 2000000, 1000005000,"
                        + " 2000000, 1000005000, 500, 5000, 0, ?::timestamptz)",
                BONK.address(),
                at);

        try (PostgresDatabase database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2)) {
            PostgresTradeLedger ledger = new PostgresTradeLedger(database);
            BotId bot = BotId.of("upgraded");
            TokenAmount half = TokenAmount.ofRaw(BigInteger.valueOf(1_000_000L), 5);
            Fill sell = new Fill(
                    OrderId.of("new-sell"),
                    bot,
                    BONK,
                    Side.SELL,
                    half,
                    Lamports.of(600_000_001L).toTokenAmount(),
                    Price.ofTrade(Lamports.of(600_000_001L), half),
                    Lamports.of(5_000),
                    Lamports.of(1_000),
                    TxSignature.ofBytes(new byte[64]),
                    1,
                    1,
                    T0.plusSeconds(60),
                    T0.plusSeconds(61));

            assertThat(ledger.record(new FillRecord("ma-cross", sell, "take-profit")))
                    .isTrue();

            // half the lot: cost 1,000,005,000 / 2 = 500,002,500; PnL 600,000,001 - 6,000 - 500,002,500
            assertThat(ledger.closedTrades(bot)).singleElement().satisfies(c -> {
                assertThat(c.entryOrderId()).isEqualTo(OrderId.of("old-buy"));
                assertThat(c.cost()).isEqualTo(Lamports.of(500_002_500L));
                assertThat(c.pnl()).isEqualTo(Lamports.of(99_991_501L));
            });
            assertThat(ledger.openPositions(bot)).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualTo(half);
                assertThat(p.costBasis()).isEqualTo(Lamports.of(500_002_500L));
            });
        }
    }
}
