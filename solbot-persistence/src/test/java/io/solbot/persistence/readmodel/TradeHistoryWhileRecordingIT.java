package io.solbot.persistence.readmodel;

import static io.solbot.persistence.readmodel.TestFills.BONK;
import static io.solbot.persistence.readmodel.TestFills.buy;
import static io.solbot.persistence.readmodel.TestFills.minute;
import static io.solbot.persistence.readmodel.TestFills.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.solbot.core.domain.BotId;
import io.solbot.core.domain.Fill;
import io.solbot.core.domain.TokenAmount;
import io.solbot.persistence.EmbeddedPostgresExtension;
import io.solbot.persistence.EmbeddedPostgresExtension.TestDatabase;
import io.solbot.persistence.PostgresDatabase;
import io.solbot.persistence.PostgresTradeLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Its own database: the rows it adds would change what TradeHistoryIT expects of all rows. */
@ExtendWith(EmbeddedPostgresExtension.class)
class TradeHistoryWhileRecordingIT {
    @Test
    void shouldNeitherRepeatNorSkipARowWhenNewerRowsAreRecordedBetweenPages(TestDatabase db) {
        try (PostgresDatabase database = PostgresDatabase.open(db.jdbcUrl(), null, null, 2)) {
            PostgresTradeLedger ledger = new PostgresTradeLedger(database);
            TradeHistory history = new TradeHistory(database);
            BotId bot = BotId.of("late");
            ledger.record(rec(buy(bot, "late-1", BONK, 1_000, TokenAmount.of(10, 6), 0, 0, minute(10))));
            ledger.record(rec(buy(bot, "late-2", BONK, 1_000, TokenAmount.of(10, 6), 0, 0, minute(11))));
            Page<Fill> first = history.fills(TradeQuery.all().limit(1));
            ledger.record(rec(buy(bot, "late-3", BONK, 1_000, TokenAmount.of(10, 6), 0, 0, minute(12))));

            Page<Fill> second =
                    history.fills(TradeQuery.all().limit(1).after(first.next().orElseThrow()));

            assertThat(first.items()).extracting(f -> f.orderId().value()).containsExactly("late-2");
            assertThat(second.items()).extracting(f -> f.orderId().value()).containsExactly("late-1");
            assertThat(second.next()).isEmpty();
            assertThat(history.fills(TradeQuery.all()).items())
                    .extracting(f -> f.orderId().value())
                    .containsExactly("late-3", "late-2", "late-1");
        }
    }
}
