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
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A sell's reason, from its order's options, is the exit reason of the trades it closes. */
@ExtendWith(EmbeddedPostgresExtension.class)
class ExitReasonIT {
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static PostgresDatabase database;

    @BeforeAll
    static void open(TestDatabase db) {
        database = PostgresDatabase.open(db.jdbcUrl(), null, null, 4);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Fill fill(BotId bot, String order, Side side, long lamports, long tokens, byte sig) {
        byte[] signature = new byte[64];
        signature[0] = sig;
        TokenAmount sol = Lamports.of(lamports).toTokenAmount();
        TokenAmount tok = TokenAmount.of(tokens, 6);
        return new Fill(
                OrderId.of(order),
                bot,
                Mint.USDC,
                side,
                side == Side.BUY ? sol : tok,
                side == Side.BUY ? tok : sol,
                Price.ofTrade(Lamports.of(lamports), tok),
                Lamports.of(5_000),
                Lamports.ZERO,
                TxSignature.ofBytes(signature),
                1,
                1,
                T0,
                T0);
    }

    @Test
    void shouldKeepASellsReasonAsTheExitReasonOfTheTradesItCloses() {
        try (PostgresFillStore store = new PostgresFillStore(database)) {
            BotId bot = BotId.of("take-profit-1");
            store.record(fill(bot, "buy-1", Side.BUY, 1_000_000L, 10, (byte) 1));
            store.record(fill(bot, "sell-1", Side.SELL, 600_000L, 5, (byte) 2).withReason("take-profit"));
            store.record(fill(bot, "sell-2", Side.SELL, 400_000L, 5, (byte) 3));

            assertThat(store.ledger().closedTrades(bot))
                    .extracting(ClosedTrade::exitReason)
                    .containsExactlyInAnyOrder("take-profit", "exit");
        }
    }
}
