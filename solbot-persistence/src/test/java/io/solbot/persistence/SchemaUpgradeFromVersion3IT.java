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
import io.solbot.core.domain.Side;
import io.solbot.core.domain.TokenAmount;
import io.solbot.core.domain.TxSignature;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that version 3 of the schema wrote, with lots that its {@code record_fills} partly closed, takes the
 * upgrade to version 4: the lots keep the cost they have, and from then on slices are split by the rule of {@link
 * io.solbot.core.domain.ProRata} and a sell may bring nothing.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class SchemaUpgradeFromVersion3IT {
    private static final Mint BONK = Mint.of("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263");
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    @Test
    void shouldSplitLotsThatVersion3PartlyClosedByTheRuleOfVersion4AndSellThemForNothing(TestDatabase db3) {
        Flyway.configure()
                .dataSource(db3.dataSource())
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        DSLContext v3 = DSL.using(db3.dataSource(), SQLDialect.POSTGRES);
        BotId bot = BotId.of("upgraded-3");
        // 3 tokens for 1 SOL + 5 001 fee: 1 000 005 001 lamports
        Fill buy = fill(bot, "v3-buy", Side.BUY, 1_000_000_000L, 3_000_000, 5_001, 1);
        // version 3 gives a third of it 1 000 005 001 / 3 = 333 335 000.33, rounded down, and the lot keeps the rest
        Fill third = fill(bot, "v3-sell", Side.SELL, 400_000_000L, 1_000_000, 5_000, 2);
        assertThat(recordFills(v3, buy, third)).containsExactly(true, true);
        // and refuses a sell for nothing
        Fill worthless = fill(bot, "v4-rug", Side.SELL, 0, 1_000_000, 5_000, 4);
        assertThatThrownBy(() -> recordFills(v3, worthless))
                .isInstanceOfSatisfying(
                        DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23514"));

        try (PostgresDatabase database = PostgresDatabase.open(db3.jdbcUrl(), null, null, 2)) {
            PostgresTradeLedger ledger = new PostgresTradeLedger(database);
            assertThat(ledger.openPositions(bot))
                    .singleElement()
                    .satisfies(p -> assertThat(p.costBasis()).isEqualTo(Lamports.of(666_670_001L)));

            // half of what is left: 666 670 001 / 2 = 333 335 000.5, rounded half up
            ledger.record(
                    new FillRecord("ma-cross", fill(bot, "v4-sell", Side.SELL, 300_000_000L, 1_000_000, 0, 3), "exit"));
            assertThat(ledger.openPositions(bot))
                    .singleElement()
                    .satisfies(p -> assertThat(p.costBasis()).isEqualTo(Lamports.of(333_335_000L)));
            // the rest for nothing, at a loss of its cost and the fee
            assertThat(ledger.record(new FillRecord("ma-cross", worthless, "stop-loss")))
                    .isTrue();

            assertThat(ledger.openPositions(bot)).isEmpty();
            assertThat(ledger.closedTrades(bot))
                    .extracting(ClosedTrade::cost, ClosedTrade::proceeds, ClosedTrade::pnl)
                    .containsExactly(
                            tuple(Lamports.of(333_335_000L), Lamports.of(400_000_000L), Lamports.of(66_660_000L)),
                            tuple(Lamports.of(333_335_001L), Lamports.of(300_000_000L), Lamports.of(-33_335_001L)),
                            tuple(Lamports.of(333_335_000L), Lamports.ZERO, Lamports.of(-333_340_000L)));
        }
    }

    private static Boolean[] recordFills(DSLContext dsl, Fill... fills) {
        List<FillRecord> records = new ArrayList<>();
        for (Fill fill : fills) {
            records.add(new FillRecord("ma-cross", fill, fill.side() == Side.BUY ? "entry" : "exit"));
        }
        return RecordFillsBeforeVersion5.call(dsl, records);
    }

    private static int signatures;

    /** A fill of {@code tokens} raw units (5 decimals) of BONK for {@code lamports}, landed {@code minute}s in. */
    private static Fill fill(BotId bot, String order, Side side, long lamports, long tokens, long fee, int minute) {
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
                Lamports.ZERO,
                TxSignature.ofBytes(signature),
                1,
                1,
                at,
                at);
    }
}
